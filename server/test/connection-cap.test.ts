import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WIRE_VERSION } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { connectBoard } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'
import { controlSocket, sendRaw } from './faults/fault-kit.js'

describe('the connection cap', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  beforeAll(async () => {
    data = await tempDataDir('cap')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('counts board sockets and Socket.IO connections, and frees every slot when they close or are refused', async () => {
    const cafe = await createEvent(running.url, { title: 'Zählung', tableNames: ['Sprache'] })
    const table = cafe.event.tables[0]!.id
    const count = () => running.server.connections.count
    const boards = [0, 1, 2].map(() => connectBoard(running.url, cafe.event.id, table, cafe.projectorToken))
    const screens = [0, 1].map(() => controlSocket(running.url, { token: cafe.facilitatorToken, wire: WIRE_VERSION }))
    await Promise.all([...boards.map((b) => b.synced()), ...screens.map((s) => s.ready)])
    expect(count()).toBe(5)
    // Refused attempts hold no slot: a wrong credential on either transport, and a socket closed for garbage.
    await sendRaw(running.url, cafe.event.id, table, 'kein.token', null)
    await controlSocket(running.url, { token: 'kein-gültiges-token', wire: WIRE_VERSION }).ready.catch(() => {})
    await sendRaw(running.url, cafe.event.id, table, cafe.facilitatorToken, Uint8Array.from([0, 2, 5, 255, 255]))
    await waitFor(() => count() === 5, 'the refused attempts to be released')
    for (const b of boards) b.destroy()
    for (const s of screens) s.socket.disconnect()
    await waitFor(() => count() === 0, 'every slot to be released')
  })
})
