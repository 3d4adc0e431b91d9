import { type Socket, io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type ChoiceAnswer, type CreateEventResponse, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent, rememberAdminKey } from '../helpers/api.js'
import { waitFor, within } from '../helpers/wait.js'
import { type Cluster, TEST_LEASE_MS, controlSocket, startCluster } from './cluster-kit.js'
import { workshopDay } from '../helpers/workshop-day.js'

type Answer<T> = { ok: true; data: T } | (Ack & { ok: false })

/** A control socket as the app opens it (naming its event), reconnecting by itself. */
async function screen(url: string, token: string, eventId: string) {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, query: { event: eventId }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, timeout: 5000 })
  await within(
    new Promise<void>((resolve) => socket.once('connect', () => resolve())),
    `a control socket at ${url}`,
    TEST_LEASE_MS + 10_000,
  )
  const send = async <T = unknown>(name: string, payload: unknown) => (await within(socket.emitWithAck(name, payload), `the ack of ${name}`, TEST_LEASE_MS + 8000)) as Answer<T>
  return { socket, send }
}

/** Workshop 1 has three seats: the race below is for its last two. */
const DAY = workshopDay({ ws1: { room: 'Raum 1', capacity: 3 }, ws2: { room: 'Raum 2', capacity: 40 } })

describe('workshop seats across two nodes', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse
  const sockets: Socket[] = []

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(a, { title: 'Transferforum', tableNames: [] })
    const console_ = await screen(a, cafe.facilitatorToken, cafe.event.id)
    sockets.push(console_.socket)
    expect(await console_.send('programme:save', { programme: DAY, expectedVersion: null })).toEqual({ ok: true, data: { version: 1 } })
    console_.socket.disconnect()
  }, 60_000)
  afterAll(async () => {
    for (const s of sockets) s.disconnect()
    const frozen = cluster?.nodes[0]
    if (frozen) process.kill(frozen.pid, 'SIGCONT')
    await cluster?.stop()
  })

  const join = async (url: string) => {
    const joined = await api<{ token: string }>(url, '/api/join', { body: { code: cafe.joinCode } })
    expect(joined.status).toBe(200)
    return joined.body.token
  }
  const phone = async (url: string, token?: string) => {
    const s = await screen(url, token ?? (await join(url)), cafe.event.id)
    sockets.push(s.socket)
    return s
  }
  const choose = (p: Awaited<ReturnType<typeof phone>>, workshopId: string | null) => p.send<ChoiceAnswer>('programme:choose', { phaseId: 'phase-1', workshopId })
  const booked = (answers: Answer<ChoiceAnswer>[]) => answers.filter((x) => x.ok && x.data.booked).length

  it('ten phones on both nodes race for the last two seats: two get them', async () => {
    const first = await phone(a)
    expect(booked([await choose(first, 'ws-1')])).toBe(1)
    const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => phone(i % 2 ? a : b)))
    const answers = await Promise.all(racers.map((p) => choose(p, 'ws-1')))
    expect(booked(answers)).toBe(2)
    for (const x of answers) if (x.ok && !x.data.booked) expect(x.data).toMatchObject({ reason: 'FULL', alternatives: ['ws-2'] })
    // One seat is given back; the workshop has room for one more, whichever node asks.
    const back = racers[answers.findIndex((x) => x.ok && x.data.booked)]!
    expect(await choose(back, null)).toMatchObject({ ok: true })
    for (const s of sockets.splice(0)) s.disconnect()
  }, 60_000)

  it('a screen of an older app (its event not named) chooses only on the node that serves the event; the other refuses with CONFLICT and gives no seat', async () => {
    const [tokenA, tokenB] = [await join(a), await join(b)]
    // Connected without `?event=`: each socket stays on the node it reached.
    const onA = await controlSocket(a, tokenA, null)
    const onB = await controlSocket(b, tokenB, null)
    sockets.push(onA.socket, onB.socket)
    const answers = (await Promise.all([onA, onB].map((s) => s.socket.emitWithAck('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-2' })))) as Answer<ChoiceAnswer>[]
    // The owner runs the choice in the event's one queue; the other node would have run a second queue beside it.
    expect(booked(answers)).toBe(1)
    expect(answers.filter((x) => !x.ok)).toEqual([expect.objectContaining({ ok: false, code: 'CONFLICT' })])
    // The seats the event's screens see count the one booking.
    const named = await phone(b, tokenB)
    expect(await named.send('programme:get', {})).toMatchObject({ ok: true, data: { counts: { 'ws-2': 1 } } })
    for (const s of sockets.splice(0)) s.disconnect()
  }, 60_000)

  it('a node that lost the event and gets it back counts the seats taken meanwhile', async () => {
    // Joined before: joining is judged by one node too, and this one is about to freeze.
    const [tokenB, tokenLate] = [await join(b), await join(b)]
    // Node A owns the event and knows two of three seats taken. It freezes; B takes the event over.
    process.kill(cluster.nodes[0]!.pid, 'SIGSTOP')
    const onB = await phone(b, tokenB)
    expect(await choose(onB, 'ws-1')).toMatchObject({ ok: true, data: { booked: true } })
    // A wakes up and lets the event go; then B is killed, and A takes the event over again.
    process.kill(cluster.nodes[0]!.pid, 'SIGCONT')
    await waitFor(() => /an einen anderen Knoten abgegeben/.test(cluster.nodes[0]!.stdout()), 'node A to give the event up', TEST_LEASE_MS + 5000)
    await cluster.nodes[1]!.stop('SIGKILL')
    // The workshop is full: a fourth person on A is refused, not given a seat A remembers as free.
    const late = await phone(a, tokenLate)
    expect(await choose(late, 'ws-1')).toMatchObject({ ok: true, data: { booked: false, reason: 'FULL' } })
    for (const s of sockets.splice(0)) s.disconnect()
  }, 60_000)
})
