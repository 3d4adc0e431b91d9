import { createClient } from 'redis'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ack, CreateEventResponse } from '@tischrunde/shared'
import { createEvent, rememberAdminKey } from '../helpers/api.js'
import { type Phone, connectBoard, connectPhone } from '../helpers/board-client.js'
import { sleep, waitFor, within } from '../helpers/wait.js'
import { type Cluster, TEST_LEASE_MS, controlSocket, startCluster } from './cluster-kit.js'

/** Writes a card every few ms until `until` says stop; remembers each card's clock. */
async function writeCards(phone: Phone, label: string, until: () => boolean, written: Map<string, number>): Promise<void> {
  for (let n = 0; !until(); n++) {
    const id = `${label}-${n}`.padEnd(10, 'x')
    phone.put(phone.card({ id, text: `${label} Karte ${n}`, position: n }))
    written.set(id, Y.decodeStateVector(Y.encodeStateVector(phone.doc)).get(phone.doc.clientID) ?? 0)
    await sleep(5)
  }
}

/** The cards of `written` the server had acknowledged to `phone` by now. */
const acknowledged = (phone: Phone, written: Map<string, number>) => {
  const saved = phone.savedVector().get(phone.doc.clientID) ?? 0
  return [...written].filter(([, clock]) => clock <= saved).map(([id]) => id)
}

describe('kill -9 of the node that owns an event', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(a, { title: 'Knotenausfall', tableNames: ['Wohnen'] })
    // The console on A opens the day: node A owns the event from now on.
    const console_ = await controlSocket(a, cafe.facilitatorToken, cafe.event.id)
    const ack = (await within(console_.socket.emitWithAck('round:advance', { expectedVersion: console_.rounds.at(-1)!.round.version }), 'round:advance')) as Ack
    expect(ack.ok).toBe(true)
    console_.socket.disconnect()
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('moves the event to the other node within the lease time and loses no acknowledged card', async () => {
    const redis = createClient({ url: cluster.redis.url })
    redis.on('error', () => {})
    await redis.connect()
    const owner = async () => String(await redis.get(`tischrunde:lease:${cafe.event.id}`)).split('|').slice(2).join('|')
    expect(await owner()).toBe(a)

    const table = cafe.event.tables[0]!.id
    // One phone on the owner itself, one on node B (forwarded to A): both write without pause.
    const onA = await connectPhone(a, cafe.event.id, table, cafe.joinCode)
    const onB = await connectPhone(b, cafe.event.id, table, cafe.joinCode)
    await Promise.all([onA.synced(), onB.synced()])
    const writtenA = new Map<string, number>()
    const writtenB = new Map<string, number>()
    let killed = false
    let stopB = false
    const writingA = writeCards(onA, 'auf-a', () => killed, writtenA)
    const writingB = writeCards(onB, 'ueber-b', () => stopB, writtenB)
    // Killed in the middle of writing, once both phones had cards acknowledged.
    await waitFor(() => acknowledged(onA, writtenA).length > 10 && acknowledged(onB, writtenB).length > 10, 'cards acknowledged on both phones', 15_000)

    await cluster.nodes[0]!.stop('SIGKILL')
    killed = true
    const killedAt = performance.now()
    const ackedA = acknowledged(onA, writtenA)
    const ackedBeforeKill = acknowledged(onB, writtenB)
    await writingA
    onA.destroy()
    // Phone B keeps writing through the takeover for a moment, then waits for every card to be saved.
    await sleep(300)
    stopB = true
    await writingB
    await onB.saved(TEST_LEASE_MS + 5000)
    const recoveredMs = performance.now() - killedAt
    expect(await owner()).toBe(b)

    const reader = connectBoard(b, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const ids = reader.cards().map((c) => c.id)
    const missingA = ackedA.filter((id) => !ids.includes(id))
    const missingB = [...writtenB.keys()].filter((id) => !ids.includes(id))
    const duplicated = ids.filter((id, i) => ids.indexOf(id) !== i)
    console.log(
      `owner killed: ${ackedA.length} cards of the phone on the owner acknowledged before the kill, ${ackedBeforeKill.length}/${writtenB.size} of the phone on the other node; all saved again after ${recoveredMs.toFixed(0)} ms (lease ${TEST_LEASE_MS} ms)`,
    )
    expect(ackedA.length).toBeGreaterThan(10)
    expect(ackedBeforeKill.length).toBeGreaterThan(10)
    expect({ missingA, missingB, duplicated }).toEqual({ missingA: [], missingB: [], duplicated: [] })
    expect(recoveredMs).toBeLessThan(TEST_LEASE_MS + 3000)
    reader.destroy()
    onB.destroy()
    await redis.close()
  }, 60_000)

  it('hands the event over at once when its owner is stopped gracefully (a rolling restart)', async () => {
    // Node B owns the event now; a third node joins, and a phone writes through it.
    const c = (await cluster.addNode()).url
    const table = cafe.event.tables[0]!.id
    const phone = await connectPhone(c, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    const written = new Map<string, number>()
    let stop = false
    const writing = writeCards(phone, 'neustart', () => stop, written)
    await waitFor(() => acknowledged(phone, written).length > 10, 'cards acknowledged through node C', 15_000)

    const stoppedAt = performance.now()
    const exit = await cluster.nodes[1]!.stop('SIGTERM')
    const ackedBefore = acknowledged(phone, written)
    await sleep(200)
    stop = true
    await writing
    await phone.saved(TEST_LEASE_MS + 5000)
    const movedMs = performance.now() - stoppedAt
    expect(exit.code).toBe(0)

    const reader = connectBoard(c, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const ids = reader.cards().map((card) => card.id)
    expect(ackedBefore.filter((id) => !ids.includes(id))).toEqual([])
    expect([...written.keys()].filter((id) => !ids.includes(id))).toEqual([])
    console.log(`owner stopped gracefully: ${ackedBefore.length} cards acknowledged before, all ${written.size} saved ${movedMs.toFixed(0)} ms after SIGTERM`)
    reader.destroy()
    phone.destroy()
  }, 60_000)
})

describe('an owner that freezes (a paused VM) and wakes up after its lease passed on', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(a, { title: 'Eingefroren', tableNames: ['Bildung'] })
    const console_ = await controlSocket(a, cafe.facilitatorToken, cafe.event.id)
    const ack = (await within(console_.socket.emitWithAck('round:advance', { expectedVersion: console_.rounds.at(-1)!.round.version }), 'round:advance')) as Ack
    expect(ack.ok).toBe(true)
    console_.socket.disconnect()
  }, 60_000)
  afterAll(async () => {
    const frozen = cluster?.nodes[0]
    if (frozen) process.kill(frozen.pid, 'SIGCONT')
    await cluster?.stop()
  })

  it('moves the event after the lease time, and the woken node stops serving it without writing', async () => {
    const table = cafe.event.tables[0]!.id
    const onA = await connectPhone(a, cafe.event.id, table, cafe.joinCode)
    const onB = await connectPhone(b, cafe.event.id, table, cafe.joinCode)
    await Promise.all([onA.synced(), onB.synced()])
    onA.put(onA.card({ id: 'vor-dem-einfrieren-a', text: 'Vor dem Einfrieren (A)' }))
    onB.put(onB.card({ id: 'vor-dem-einfrieren-b', text: 'Vor dem Einfrieren (B)' }))
    await Promise.all([onA.saved(), onB.saved()])

    process.kill(cluster.nodes[0]!.pid, 'SIGSTOP')
    const frozenAt = performance.now()
    // Written while the owner is frozen: not acknowledged until the other node has the event.
    onB.put(onB.card({ id: 'waehrend-eingefroren', text: 'Während A steht' }))
    await onB.saved(TEST_LEASE_MS + 8000)
    const movedMs = performance.now() - frozenAt
    expect(movedMs).toBeGreaterThan(TEST_LEASE_MS * 0.8)

    // A card written on A while it was frozen sits in A's socket; A wakes up and learns the event is gone.
    onA.put(onA.card({ id: 'auf-a-eingefroren', text: 'Auf A, während A steht' }))
    process.kill(cluster.nodes[0]!.pid, 'SIGCONT')
    // A closes the phone's socket; the phone reconnects (to A, which forwards to B) and re-sends.
    await onA.saved(TEST_LEASE_MS + 8000)
    await waitFor(() => /an einen anderen Knoten abgegeben/.test(cluster.nodes[0]!.stdout()), 'node A to say it gave the event up', 5000)

    const reader = connectBoard(b, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const ids = reader.cards().map((c) => c.id).sort()
    expect(ids).toEqual(['auf-a-eingefroren', 'vor-dem-einfrieren-a', 'vor-dem-einfrieren-b', 'waehrend-eingefroren'])
    console.log(`owner frozen: the other node served the event ${movedMs.toFixed(0)} ms later (lease ${TEST_LEASE_MS} ms)`)
    for (const c of [reader, onA, onB]) c.destroy()
  }, 60_000)
})
