import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ack, CreateEventResponse, PresenceCounts } from '@tischrunde/shared'
import { api, createEvent, rememberAdminKey } from '../helpers/api.js'
import { connectBoard, connectPhone } from '../helpers/board-client.js'
import { waitFor, within } from '../helpers/wait.js'
import { type Cluster, controlSocket, startCluster } from './cluster-kit.js'
import { writeCards } from '../harvest/vote-test-kit.js'

describe('two server nodes on one Redis', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    // One signing key: the admin key of the first node opens the second too.
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(b, { title: 'Zwei Knoten', tableNames: ['Wohnen', 'Arbeit'] })
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  /** The lease of an event in Redis ("<node>|<token>|<address>"), null when nobody holds it. */
  const leaseOf = async (eventId: string) => {
    const redis = createClient({ url: cluster.redis.url })
    redis.on('error', () => {})
    await redis.connect()
    try {
      return await redis.get(`tischrunde:lease:${eventId}`)
    } finally {
      await redis.close()
    }
  }

  it('takes no lease for an event that does not exist, whatever name a client sends', async () => {
    const res = await fetch(`${b}/api/events/gibt-es-nicht/export.json`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    const board = connectBoard(b, 'gibt-es-nicht', 'wohnen', cafe.projectorToken)
    await waitFor(() => board.closeCodes.length > 0 || !board.provider.shouldConnect, 'the doc socket of an unknown event to be refused', 3000).catch(() => undefined)
    board.destroy()
    expect(await leaseOf('gibt-es-nicht')).toBeNull()
  })

  it('counts wrong join codes against one budget, whichever node they reach', async () => {
    const wrong = cafe.joinCode === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA'
    const device = 'rate-geraet-1'
    // The budget per device is 20 wrong codes (then one every 3 s); they alternate between the nodes.
    // Counted per node, the first refusal would come after ~40; counted once, right after 20.
    const started = performance.now()
    let refusedAt = 0
    for (let i = 1; i <= 36 && refusedAt === 0; i++) {
      const res = await api<{ code: string }>(i % 2 === 0 ? a : b, '/api/join', { body: { code: wrong, device } })
      if (res.status === 429) refusedAt = i
      else expect(res.status).toBe(404)
    }
    const refilled = Math.ceil((performance.now() - started) / 3000)
    expect(refusedAt).toBeGreaterThan(20)
    expect(refusedAt).toBeLessThanOrEqual(21 + refilled)
    // A right code still gets in, from the same device.
    expect((await api(b, '/api/join', { body: { code: cafe.joinCode, device } })).status).toBe(200)
  })

  it('counts new participants from one device against one budget, whichever node they join through', async () => {
    // A device may become 20 new participants (reloads, lost tokens), then one a minute. Counted
    // per node, alternating joins would get ~40 in; counted once, the 21st is slowed down.
    const device = `neu-geraet-${Date.now()}`
    const statuses: number[] = []
    for (let i = 0; i < 24; i++) statuses.push((await api(i % 2 === 0 ? a : b, '/api/join', { body: { code: cafe.joinCode, device } })).status)
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200))
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429])
  })

  it('answers /readyz on both nodes once Redis and the leases are up', async () => {
    for (const url of [a, b]) {
      const res = await api<{ ready: boolean }>(url, '/readyz')
      expect(res).toEqual({ status: 200, body: { ready: true } })
    }
  })

  it('a console on node B opens the day and a phone on node A sees the round change', async () => {
    // The phone is first: node A takes the event; the console's socket on B is forwarded to A.
    const phone = await controlSocket(a, (await api<{ token: string }>(a, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)
    // The console starts with long-polling, as a browser does: every poll is forwarded to A too.
    const console_ = await controlSocket(b, cafe.facilitatorToken, cafe.event.id, 'polling')
    // A screen of an older client that does not name its event stays on node B; the adapter reaches it.
    const unrouted = await controlSocket(b, cafe.projectorToken, null)
    const before = phone.rounds.at(-1)!.round.version
    const ack = (await within(console_.socket.emitWithAck('round:advance', { expectedVersion: console_.rounds.at(-1)!.round.version }), 'the ack of round:advance')) as Ack
    expect(ack.ok).toBe(true)
    const started = performance.now()
    const seen = await waitFor(() => phone.rounds.find((m) => m.round.version > before), 'the phone on A to see the new round', 2000)
    const phoneMs = performance.now() - started
    await waitFor(() => unrouted.rounds.find((m) => m.round.version > before), 'the unrouted projector on B to see the new round', 2000)
    expect(seen.round.stationIndex).toBe(0)
    expect(phoneMs).toBeLessThan(1000)
    // Every screen got the change once, not once per node.
    await new Promise((r) => setTimeout(r, 300))
    expect(phone.rounds.filter((m) => m.round.version === seen.round.version)).toHaveLength(1)
    expect(unrouted.rounds.filter((m) => m.round.version === seen.round.version)).toHaveLength(1)
    for (const s of [phone, console_, unrouted]) s.socket.disconnect()
  })

  it('a console of an older app on the node that does not serve the event is told to reload for doc commands, not left waiting on a stale copy', async () => {
    // The phone on A makes A the owner; a console naming no event stays on B.
    const phone = await controlSocket(a, (await api<{ token: string }>(a, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)
    const unrouted = await controlSocket(b, cafe.facilitatorToken, null)
    const routed = await controlSocket(b, cafe.facilitatorToken, cafe.event.id)
    const setup = { setup: { question: 'Was zuerst?', scope: {}, budget: 3, perCardMax: 1 } }
    // A card to vote on, written on the owner (a vote needs one to start).
    const station = cafe.event.template.stations[0]!
    await writeCards(a, cafe.event.id, cafe.event.tables[1]!.id, cafe.facilitatorToken, { stationId: station.id, columnId: station.columns[0]!.id }, ['Wohnraum für Familien'])
    const refused = (await within(unrouted.socket.emitWithAck('vote:open', setup), 'the unrouted console’s answer')) as Ack
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' })
    // Named, the same console's command reaches the owner through B and runs there.
    expect((await within(routed.socket.emitWithAck('vote:open', setup), 'the routed console’s answer')) as Ack).toMatchObject({ ok: true })
    for (const s of [phone, unrouted, routed]) s.socket.disconnect()
  })

  it('the console on node B counts the phones on node A at their tables (presence is the owner’s)', async () => {
    // Long-polling first, as a browser starts: the polls and the upgrade all reach the owner.
    const console_ = await controlSocket(b, cafe.facilitatorToken, cafe.event.id, 'polling')
    await waitFor(() => console_.socket.io.engine.transport.name === 'websocket', 'the console to upgrade to a websocket', 5000)
    const counts: PresenceCounts[] = []
    console_.socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    const table = cafe.event.tables[1]!.id
    const phones = await Promise.all(
      [a, a, b].map(async (url) => controlSocket(url, (await api<{ token: string }>(url, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)),
    )
    for (const phone of phones) {
      const ack = (await within(phone.socket.emitWithAck('presence:table', { tableId: table }), 'the ack of presence:table')) as Ack
      expect(ack.ok).toBe(true)
    }
    await waitFor(() => counts.find((c) => c.byTable[table] === 3), `presence:counts with three phones at ${table}`, 3000)
    phones[0]!.socket.disconnect()
    await waitFor(() => counts.at(-1)?.byTable[table] === 2, 'the count to drop when a phone on A leaves', 3000)
    for (const s of [console_, ...phones.slice(1)]) s.socket.disconnect()
  })

  it('a phone on node A and the projector on node B see each other’s cards in well under a second', async () => {
    const table = cafe.event.tables[0]!.id
    const phoneA = await connectPhone(a, cafe.event.id, table, cafe.joinCode)
    const phoneB = await connectPhone(b, cafe.event.id, table, cafe.joinCode)
    const projector = connectBoard(b, cafe.event.id, table, cafe.projectorToken)
    await Promise.all([phoneA.synced(), phoneB.synced(), projector.synced()])
    const delays: number[] = []
    for (let i = 0; i < 10; i++) {
      const [writer, reader] = i % 2 === 0 ? [phoneA, phoneB] : [phoneB, phoneA]
      const card = writer.card({ id: `zwei-knoten-${i}`, text: `Karte ${i} über zwei Knoten`, position: i })
      const t0 = performance.now()
      writer.put(card)
      await Promise.all([reader.waitForCard(card.id, 2000), projector.waitForCard(card.id, 2000)])
      delays.push(performance.now() - t0)
      await writer.saved()
    }
    delays.sort((x, y) => x - y)
    expect(delays.at(-1)!).toBeLessThan(1000)
    // One node served the board (node A, which the phone on A reached first); B forwarded to it.
    expect(await leaseOf(cafe.event.id)).toContain(`|${a}`)
    expect(projector.cards().filter((c) => c.id.startsWith('zwei-knoten-'))).toHaveLength(10)
    for (const c of [phoneA, phoneB, projector]) c.destroy()
  })

  it('keeps a forwarded doc socket and control socket open past the silent-connection timeout', async () => {
    // Node A owns the event (the phone on A reached it first); a phone on B is forwarded to A.
    // Node B must count the forwarded connections as heard, not close them as silent after 5 s.
    expect(await leaseOf(cafe.event.id)).toContain(`|${a}`)
    const table = cafe.event.tables[0]!.id
    const board = await connectPhone(b, cafe.event.id, table, cafe.joinCode)
    await board.synced()
    const control = await controlSocket(b, cafe.projectorToken, cafe.event.id)
    let disconnected = 0
    control.socket.on('disconnect', () => disconnected++)
    await new Promise((r) => setTimeout(r, 6500))
    expect({ boardCloses: board.closeCodes.length, controlDisconnects: disconnected }).toEqual({ boardCloses: 0, controlDisconnects: 0 })
    board.destroy()
    control.socket.disconnect()
  }, 30_000)
})
