import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, type RoundMessage, WIRE_VERSION } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []

beforeEach(async () => {
  data = await tempDataDir('race')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await data.remove()
})

/** A console tab: a facilitator socket that remembers the last round state it saw. */
async function tab(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  const states: RoundMessage[] = []
  socket.on('round:state', (m: RoundMessage) => states.push(m))
  await waitFor(() => states.at(-1), 'the first round state')
  return { socket, latest: () => states.at(-1)!.round }
}

describe('two console tabs racing on "next"', () => {
  it('advance the day exactly once; the slower click is told it was already changed', async () => {
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Doppelklick', tableNames: ['Sprache'] })
    const [a, b] = await Promise.all([tab(running.url, cafe.facilitatorToken), tab(running.url, cafe.facilitatorToken)])
    const seen = a.latest().version
    expect(b.latest().version).toBe(seen)

    const acks = (await Promise.all([
      a.socket.emitWithAck('round:advance', { expectedVersion: seen }),
      b.socket.emitWithAck('round:advance', { expectedVersion: seen }),
    ])) as Ack[]

    expect(acks.filter((x) => x.ok)).toHaveLength(1)
    expect(acks.find((x) => !x.ok)).toMatchObject({ ok: false, code: 'STALE_VERSION' })
    await waitFor(() => b.latest().version === seen + 1 || undefined, 'the new state in the second tab')
    expect(b.latest()).toMatchObject({ phase: 'station', stationIndex: 0, version: seen + 1 })
  })

  it('tells a "back" before the start why, as a code with the rule and no wording', async () => {
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Zu früh', tableNames: ['Sprache'] })
    const a = await tab(running.url, cafe.facilitatorToken)
    const ack = (await a.socket.emitWithAck('round:back', { expectedVersion: a.latest().version })) as Ack
    expect(ack).toEqual({ ok: false, code: 'NOT_NOW', params: { reason: 'NOT_STARTED' } })
  })
})
