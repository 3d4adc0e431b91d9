import { createClient } from 'redis'
import { type Socket, io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, type RoundMessage, WIRE_VERSION } from '@tischrunde/shared'
import { api, createEvent, rememberAdminKey } from '../helpers/api.js'
import { sleep, waitFor, within } from '../helpers/wait.js'
import { type Cluster, TEST_LEASE_MS, startCluster } from './cluster-kit.js'

/** The line the owner logs when it locks a station whose time ran out (one per lock it stored). */
const LOCKED_LINE = /station locked after its time ran out/g

/**
 * A screen's control socket that reconnects by itself (as the app's does), so it comes back
 * through another node when the one it reached goes away. Keeps every round state it receives.
 */
async function screen(url: string, token: string, eventId: string | null): Promise<{ socket: Socket; rounds: RoundMessage[] }> {
  const socket: Socket = io(url, {
    auth: { token, wire: WIRE_VERSION },
    ...(eventId ? { query: { event: eventId } } : {}),
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    timeout: 5000,
  })
  const rounds: RoundMessage[] = []
  socket.on('round:state', (m: RoundMessage) => rounds.push(m))
  await waitFor(() => rounds.at(-1), `the first round:state at ${url}`, 8000)
  return { socket, rounds }
}

/**
 * How often a screen saw the station end: the round states in which the first station turned from
 * open to locked. A screen that reconnects gets the current state again; that is no second end.
 */
function endsSeen(rounds: RoundMessage[]): { ends: number; lockVersions: number[] } {
  let locked = false
  let ends = 0
  const lockVersions = new Set<number>()
  for (const m of rounds) {
    const now = m.round.lockedStations.length > 0
    if (now) lockVersions.add(m.round.version)
    if (now && !locked) ends++
    locked = now
  }
  return { ends, lockVersions: [...lockVersions] }
}

/** The round state as the store holds it. */
async function storedRound(redisUrl: string, eventId: string): Promise<{ version: number; lockedStations: string[] }> {
  const redis = createClient({ url: redisUrl })
  redis.on('error', () => {})
  await redis.connect()
  try {
    return JSON.parse(String(await redis.hGet(`tischrunde:ev:${eventId}`, 'round'))) as { version: number; lockedStations: string[] }
  } finally {
    await redis.close()
  }
}

/** The owner's lease address of an event ("<node>|<token>|<address>" → address). */
async function ownerOf(redisUrl: string, eventId: string): Promise<string> {
  const redis = createClient({ url: redisUrl })
  redis.on('error', () => {})
  await redis.connect()
  try {
    return String(await redis.get(`tischrunde:lease:${eventId}`)).split('|').slice(2).join('|')
  } finally {
    await redis.close()
  }
}

/**
 * The console opens station 1 with the timer at 0 minutes and `graceSeconds` of grace: the boards
 * lock by themselves `graceSeconds` later. Returns the stored round version before the lock and when it is due.
 */
async function startTimer(console_: { socket: Socket; rounds: RoundMessage[] }, graceSeconds: number): Promise<{ version: number; dueAt: number }> {
  const command = async (name: string, payload: object) => {
    const ack = (await within(console_.socket.emitWithAck(name, payload), `the ack of ${name}`)) as Ack
    expect(ack, name).toEqual({ ok: true })
  }
  const configured = console_.rounds.at(-1)!.round.version
  await command('round:configure', { settings: { stationMinutes: 1, graceSeconds, changeoverSeconds: 0 } })
  await waitFor(() => console_.rounds.at(-1)!.round.version > configured, 'the new settings')
  await command('round:advance', { expectedVersion: console_.rounds.at(-1)!.round.version })
  await waitFor(() => console_.rounds.at(-1)?.round.phase === 'station', 'station 1 to open')
  const before = console_.rounds.at(-1)!.round.version
  const dueAt = Date.now() + graceSeconds * 1000
  await command('timer:set', { expectedVersion: before, minutes: 0 })
  const set = await waitFor(() => console_.rounds.find((m) => m.round.version > before), 'the timer at 0 minutes')
  expect(set.round.lockedStations).toEqual([])
  return { version: set.round.version, dueAt }
}

describe('a round timer ends once, whichever nodes the screens are on', () => {
  let cluster: Cluster
  let urls: string[]
  let cafe: CreateEventResponse

  beforeAll(async () => {
    // Info level: each node logs every station lock it stores.
    cluster = await startCluster(3, { LOG_LEVEL: 'info' })
    urls = cluster.nodes.map((n) => n.url)
    for (const url of urls.slice(1)) rememberAdminKey(url, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(urls[1]!, { title: 'Ein Ende', tableNames: ['Wohnen', 'Arbeit', 'Bildung'] })
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('three nodes: every screen sees the station lock once, and the store records one lock', async () => {
    const [a, b, c] = urls as [string, string, string]
    // The console on A: node A owns the event and runs its timer.
    const console_ = await screen(a, cafe.facilitatorToken, cafe.event.id)
    const phones = await Promise.all(
      [a, b, c].map(async (url) => screen(url, (await api<{ token: string }>(url, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)),
    )
    // A projector of an older app that does not name its event: it stays on node C (no forwarding).
    const unrouted = await screen(c, cafe.projectorToken, null)
    expect(await ownerOf(cluster.redis.url, cafe.event.id)).toBe(a)

    const { version, dueAt } = await startTimer(console_, 2)
    const all = [console_, ...phones, unrouted]
    await waitFor(() => all.every((s) => endsSeen(s.rounds).ends > 0), 'every screen to see the station lock', 10_000)
    const lockedAt = Date.now()
    expect(lockedAt).toBeGreaterThanOrEqual(dueAt - 100)
    // A second end would come at once after the first: wait well past it.
    await sleep(1500)

    const seen = all.map((s) => endsSeen(s.rounds))
    expect(seen.map((s) => s.ends)).toEqual([1, 1, 1, 1, 1])
    expect(seen.map((s) => s.lockVersions)).toEqual(Array(5).fill([version + 1]))
    const stored = await storedRound(cluster.redis.url, cafe.event.id)
    expect(stored.version).toBe(version + 1)
    expect(stored.lockedStations).toHaveLength(1)
    const logged = cluster.nodes.map((n) => n.stdout().match(LOCKED_LINE)?.length ?? 0)
    expect(logged).toEqual([1, 0, 0])
    for (const s of all) s.socket.disconnect()
  }, 60_000)

  it('a timer set from a screen on another node (no forwarding) still ends once', async () => {
    const [a, , c] = urls as [string, string, string]
    // A console of an older app on node C: its command runs on C, which does not own the event.
    const unroutedConsole = await screen(c, cafe.facilitatorToken, null)
    const phone = await screen(a, (await api<{ token: string }>(a, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)
    const before = cluster.nodes.map((n) => n.stdout().match(LOCKED_LINE)?.length ?? 0)
    // Back to the start, so that station 1 opens afresh.
    while (unroutedConsole.rounds.at(-1)!.round.phase !== 'before-start') {
      const v = unroutedConsole.rounds.at(-1)!.round.version
      const ack = (await within(unroutedConsole.socket.emitWithAck('round:back', { expectedVersion: v }), 'round:back')) as Ack
      expect(ack).toEqual({ ok: true })
      await waitFor(() => unroutedConsole.rounds.at(-1)!.round.version > v, 'the step back')
    }
    const { version } = await startTimer(unroutedConsole, 2)
    const ended = (s: { rounds: RoundMessage[] }) => endsSeen(s.rounds.filter((m) => m.round.version >= version))
    await waitFor(() => ended(phone).ends > 0 && ended(unroutedConsole).ends > 0, 'both screens to see the station lock', 10_000)
    await sleep(1500)
    expect([ended(phone), ended(unroutedConsole)]).toEqual([
      { ends: 1, lockVersions: [version + 1] },
      { ends: 1, lockVersions: [version + 1] },
    ])
    expect((await storedRound(cluster.redis.url, cafe.event.id)).version).toBe(version + 1)
    const after = cluster.nodes.map((n) => n.stdout().match(LOCKED_LINE)?.length ?? 0)
    expect(after.reduce((s, n) => s + n, 0) - before.reduce((s, n) => s + n, 0)).toBe(1)
    for (const s of [unroutedConsole, phone]) s.socket.disconnect()
  }, 60_000)
})

describe('a round timer whose owner is killed while it runs', () => {
  let cluster: Cluster
  let cafe: CreateEventResponse

  beforeAll(async () => {
    cluster = await startCluster(2, { LOG_LEVEL: 'info' })
    rememberAdminKey(cluster.nodes[1]!.url, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(cluster.nodes[0]!.url, { title: 'Ende trotz Ausfall', tableNames: ['Wohnen'] })
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('kill -9 of the owner: the timer still ends, once, on time, on the other node', async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    const console_ = await screen(a, cafe.facilitatorToken, cafe.event.id)
    // Phones on node B: their sockets are forwarded to A, the owner, until A dies.
    const phones = await Promise.all(
      [b, b].map(async (url) => screen(url, (await api<{ token: string }>(url, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)),
    )
    expect(await ownerOf(cluster.redis.url, cafe.event.id)).toBe(a)
    const grace = 4
    const { version, dueAt } = await startTimer(console_, grace)

    // The owner dies while the timer runs (about 3 s before the boards are due to lock).
    await sleep(800)
    await cluster.nodes[0]!.stop('SIGKILL')
    console_.socket.disconnect()
    await waitFor(() => phones.every((p) => endsSeen(p.rounds).ends > 0), 'the phones to see the station lock after the owner died', TEST_LEASE_MS + grace * 1000 + 5000)
    const lockedAt = Date.now()
    await sleep(1500)

    expect(await ownerOf(cluster.redis.url, cafe.event.id)).toBe(b)
    // Not early (the new owner armed the stored end time) and not long after it.
    expect(lockedAt).toBeGreaterThanOrEqual(dueAt - 100)
    expect(lockedAt - dueAt).toBeLessThan(TEST_LEASE_MS + 2000)
    expect(phones.map((p) => endsSeen(p.rounds))).toEqual([
      { ends: 1, lockVersions: [version + 1] },
      { ends: 1, lockVersions: [version + 1] },
    ])
    const stored = await storedRound(cluster.redis.url, cafe.event.id)
    expect(stored.version).toBe(version + 1)
    expect(stored.lockedStations).toHaveLength(1)
    // The lock was stored by node B; node A died before it could.
    expect(cluster.nodes.map((n) => n.stdout().match(LOCKED_LINE)?.length ?? 0)).toEqual([0, 1])
    console.log(`owner killed during a running timer: the boards locked ${lockedAt - dueAt} ms after they were due`)
    for (const p of phones) p.socket.disconnect()
  }, 60_000)
})
