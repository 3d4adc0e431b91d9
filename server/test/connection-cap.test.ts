import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, WIRE_VERSION } from '@tischrunde/shared'
import { createEvent, join } from './helpers/api.js'
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

  it('caps one participant at 16 open connections over both transports, without touching anyone else', async () => {
    const cafe = await createEvent(running.url, { title: 'Eine Person, viele Sockets', tableNames: ['Sprache'] })
    const table = cafe.event.tables[0]!.id
    const hoarder = (await join(running.url, cafe.joinCode)).token
    const neighbour = (await join(running.url, cafe.joinCode)).token
    const boards = Array.from({ length: 12 }, () => connectBoard(running.url, cafe.event.id, table, hoarder))
    const screens = Array.from({ length: 4 }, () => controlSocket(running.url, { token: hoarder, wire: WIRE_VERSION }))
    await Promise.all([...boards.map((b) => b.synced()), ...screens.map((s) => s.ready)])
    // The 17th of the same person is refused on either transport: HTTP 429, RATE_LIMITED.
    expect(await sendRaw(running.url, cafe.event.id, table, hoarder, null)).toMatchObject({ status: 429 })
    const extra = controlSocket(running.url, { token: hoarder, wire: WIRE_VERSION })
    expect(await extra.ready.then(() => 'connected', (e: Error) => e.message)).toBe(ErrorCode.RATE_LIMITED)
    // Someone else at the same table still gets in, and a closed connection frees the person's slot.
    const other = connectBoard(running.url, cafe.event.id, table, neighbour)
    await other.synced()
    boards.pop()!.destroy()
    const again = await waitFor(async () => {
      const b = connectBoard(running.url, cafe.event.id, table, hoarder)
      const ok = await b.synced().then(() => true, () => false)
      if (!ok) b.destroy()
      return ok ? b : null
    }, 'a slot after one connection closed')
    for (const b of [...boards, other, again]) b.destroy()
    for (const s of screens) s.socket.disconnect()
    await waitFor(() => running.server.connections.count === 0, 'every slot to be released')
  })
})
