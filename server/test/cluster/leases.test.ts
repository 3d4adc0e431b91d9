import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventLeases } from '../../src/cluster/event-leases.js'
import { isStorageFailure } from '../../src/storage/storage-error.js'
import { redisBoardStore } from '../../src/storage/redis/redis-board-store.js'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { waitFor } from '../helpers/wait.js'

const PREFIX = 'leases-test:'
const update = (n: number) => new Uint8Array([n, n, n])

describe('event ownership leases and fencing tokens in Redis', () => {
  let redis: RedisProcess
  let client: RedisBytesClient
  const started: EventLeases[] = []
  const node = (nodeId: string, events: { acquired: string[]; lost: string[] }, leaseMs = 600) => {
    const leases = new EventLeases(client, { prefix: PREFIX, nodeId, leaseMs, acquired: (e) => events.acquired.push(e), lost: (e) => events.lost.push(e) })
    leases.start(`http://${nodeId}.invalid:3000`)
    started.push(leases)
    return leases
  }

  beforeAll(async () => {
    redis = await startRedis()
    client = await connectRedis(redis.url)
  })
  afterAll(async () => {
    for (const l of started) await l.close()
    await client?.close()
    await redis?.stop()
  })

  it('gives an event to one node at a time and names the owner to the others', async () => {
    const one = { acquired: [] as string[], lost: [] as string[] }
    const two = { acquired: [] as string[], lost: [] as string[] }
    const n1 = node('eins', one)
    const n2 = node('zwei', two)
    const answers = await Promise.all([n1.route('cafe'), n2.route('cafe'), n1.route('cafe'), n2.route('cafe')])
    const local = answers.filter((r) => r.local)
    expect(local).toHaveLength(2)
    const winner = answers[0]!.local ? n1 : n2
    const loser = winner === n1 ? n2 : n1
    expect(await loser.route('cafe')).toMatchObject({ local: false, owner: `http://${winner === n1 ? 'eins' : 'zwei'}.invalid:3000` })
    expect([...one.acquired, ...two.acquired]).toEqual(['cafe'])
    // Renewed: still the same owner well after the lease time.
    await new Promise((r) => setTimeout(r, 1500))
    expect(winner.owned()).toEqual(['cafe'])
    expect((await loser.route('cafe')).local).toBe(false)
  })

  it('refuses doc writes of an owner whose lease was taken over (a paused node that wakes up)', async () => {
    const one = { acquired: [] as string[], lost: [] as string[] }
    const two = { acquired: [] as string[], lost: [] as string[] }
    const n1 = node('alt', one)
    expect(await n1.route('bremen')).toEqual({ local: true })
    const oldToken = n1.tokenOf('bremen')!
    const fencedEvents: string[] = []
    const oldOwner = redisBoardStore(client, PREFIX, { tokenOf: () => oldToken, refused: (e) => fencedEvents.push(e) })
    await oldOwner.append('board.bremen.wohnen', [update(1)])
    // The old owner stops (its lease is gone); another node takes the event.
    await n1.close()
    const n2 = node('neu', two)
    expect(await n2.route('bremen')).toEqual({ local: true })
    expect(n2.tokenOf('bremen')).toBeGreaterThan(oldToken)
    const newOwner = redisBoardStore(client, PREFIX, n2)
    await newOwner.append('board.bremen.wohnen', [update(2)])
    // The old owner wakes up and writes what it still had queued: refused, nothing stored.
    const late = await oldOwner.append('board.bremen.wohnen', [update(3)]).then(
      () => 'stored',
      (error: unknown) => (isStorageFailure(error) ? 'refused' : String(error)),
    )
    expect(late).toBe('refused')
    expect(await oldOwner.compact('board.bremen.wohnen', update(9)).then(() => 'stored', () => 'refused')).toBe('refused')
    // Each refusal tells the node, which then lets its copies of the event go (they would retry for ever).
    expect(fencedEvents).toEqual(['bremen', 'bremen'])
    // A node that never owned it is refused too.
    const stranger = redisBoardStore(client, PREFIX, { tokenOf: () => undefined })
    expect(await stranger.append('board.bremen.wohnen', [update(4)]).then(() => 'stored', () => 'refused')).toBe('refused')
    expect((await newOwner.load('board.bremen.wohnen')).map((u) => u[0])).toEqual([1, 2])
  })

  it('lets an event go when one of its doc writes is fenced (another node took it over)', async () => {
    const one = { acquired: [] as string[], lost: [] as string[] }
    const n1 = node('ueberholt', one)
    expect(await n1.route('ulm')).toEqual({ local: true })
    const store = redisBoardStore(client, PREFIX, n1)
    await store.append('board.ulm.wohnen', [update(1)])
    // Another node has taken the event over meanwhile (its token is higher).
    await client.set(`${PREFIX}fence:ulm`, String(n1.tokenOf('ulm')! + 1))
    expect(await store.append('board.ulm.wohnen', [update(2)]).then(() => 'stored', () => 'refused')).toBe('refused')
    expect(one.lost).toEqual(['ulm'])
    expect(n1.tokenOf('ulm')).toBeUndefined()
  })

  it('tells the owner at once when another node holds its lease now, so it stops serving', async () => {
    const one = { acquired: [] as string[], lost: [] as string[] }
    const n1 = node('verdraengt', one)
    expect(await n1.route('koeln')).toEqual({ local: true })
    // As if the lease had lapsed and another node had taken it.
    await client.set(`${PREFIX}lease:koeln`, 'anderer|99|http://anderer.invalid:3000', { PX: 5000 })
    await waitFor(() => one.lost.includes('koeln'), 'the old owner to let the event go', 2000)
    expect(n1.tokenOf('koeln')).toBeUndefined()
    expect(await n1.route('koeln')).toMatchObject({ local: false, owner: 'http://anderer.invalid:3000' })
  })

  it('lets a node that cannot reach Redis stop before its lease could pass to another node', async () => {
    const lost: string[] = []
    const own = await connectRedis(redis.url)
    const n1 = new EventLeases(own, { prefix: PREFIX, nodeId: 'abgeschnitten', leaseMs: 600, acquired: () => {}, lost: (e) => lost.push(e) })
    n1.start('http://abgeschnitten.invalid:3000')
    expect(await n1.route('winnenden')).toEqual({ local: true })
    const cutAt = Date.now()
    own.destroy()
    // It no longer presents its token (nor serves the event) before Redis lets the lease lapse.
    await waitFor(() => n1.tokenOf('winnenden') === undefined, 'the cut-off node to stop acting as owner', 2000)
    expect(Date.now() - cutAt).toBeLessThan(600)
    await waitFor(() => lost.includes('winnenden'), 'the cut-off node to close the event', 2000)
    await waitFor(() => !n1.ready(), '/readyz to say not ready', 2000)
    clearInterval((n1 as unknown as { timer: NodeJS.Timeout }).timer)
  })

  it('lets its events go within the lease when the Redis server goes away, and keeps failing fast while it is gone', async () => {
    const own = await startRedis()
    const cut = await connectRedis(own.url)
    const lost: string[] = []
    const failures: unknown[] = []
    const n1 = new EventLeases(cut, { prefix: PREFIX, nodeId: 'ausfall', leaseMs: 600, acquired: () => {}, lost: (e) => lost.push(e), failed: (e) => failures.push(e) })
    n1.start('http://ausfall.invalid:3000')
    try {
      expect(await n1.route('schorndorf')).toEqual({ local: true })
      const goneAt = Date.now()
      await own.stop(true)
      // The node closes the event's sockets and docs once its lease is over, not when Redis returns.
      await waitFor(() => lost.includes('schorndorf'), 'the node to let the event go', 2000)
      expect(Date.now() - goneAt).toBeLessThan(1200)
      await waitFor(() => !n1.ready(), '/readyz to say not ready', 2000)
      // A command while the connection is down fails at once (it waited for Redis to come back).
      const started = Date.now()
      await expect(cut.ping()).rejects.toThrow()
      expect(Date.now() - started).toBeLessThan(200)
      expect(failures.length).toBeGreaterThan(0)
    } finally {
      await n1.close()
      cut.destroy()
    }
  })
})
