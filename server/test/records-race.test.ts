import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, type FacilitatorEventView, type RoundMessage, type TischEvent, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets: Socket[] = []

beforeEach(async () => {
  data = await tempDataDir('records-race')
})
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await running?.close()
  running = undefined
  await data.remove()
})

/** A console tab: a facilitator socket that remembers the last round state and event it saw. */
async function tab(url: string, token: string) {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  const states: RoundMessage[] = []
  const events: TischEvent[] = []
  socket.on('round:state', (m: RoundMessage) => states.push(m))
  socket.on('event:state', (m: { event: TischEvent }) => events.push(m.event))
  await waitFor(() => states.at(-1), 'the first round state')
  const send = async (name: string, payload: unknown) => (await socket.emitWithAck(name, payload)) as Ack
  return { send, round: () => states.at(-1)!.round, event: () => events.at(-1)! }
}

const ROUNDS = 12
const title = (i: number) => `Marktplatz, Fassung ${i}`

describe('round state and setup written in the same tick from three console tabs', () => {
  it('keeps every round change, every station lock and every title change, also after a restart', async () => {
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Marktplatz', tableNames: ['Verkehr', 'Grün'] })
    const [rounds, locks, setup] = await Promise.all([1, 2, 3].map(() => tab(running!.url, cafe.facilitatorToken)))
    const { id: _id, showNames: _shown, ...form } = cafe.event
    let version = rounds.round().version

    for (let i = 0; i < ROUNDS; i++) {
      // Start the day, then pause and resume: each names the version it saw, as the console does.
      const step = i === 0 ? 'round:advance' : i % 2 === 1 ? 'round:pause' : 'round:resume'
      const acks = await Promise.all([
        rounds.send(step, { expectedVersion: version }),
        locks.send('station:lock', { stationId: 'station-2', locked: i % 2 === 0 }),
        setup.send('event:update', { setup: { ...form, title: title(i) } }),
      ])
      expect(acks, `step ${i} (${step})`).toEqual([{ ok: true }, { ok: true }, { ok: true }])
      version += 2
    }

    const last = ROUNDS - 1
    const expected = { version, phase: 'station', stationIndex: 0, paused: last % 2 === 1, lockedStations: last % 2 === 0 ? ['station-2'] : [] }
    await waitFor(() => rounds.round().version === version || undefined, 'the last round state')
    expect(rounds.round()).toMatchObject(expected)
    await waitFor(() => setup.event()?.title === title(last) || undefined, 'the last title')

    await running.close()
    running = await startServer(data.dir)
    const view = await api<FacilitatorEventView>(running.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })
    expect(view.status).toBe(200)
    expect(view.body.event.title).toBe(title(last))
    const after = await tab(running.url, cafe.facilitatorToken)
    expect(after.round()).toMatchObject(expected)
  })
})
