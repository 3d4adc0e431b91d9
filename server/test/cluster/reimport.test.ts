import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventExport } from '@tischrunde/shared'
import { aLargeEventExport } from '@tischrunde/fixtures'
import { connectRedis } from '../../src/storage/redis/redis-connection.js'
import { api, rememberAdminKey, tokenOfLink } from '../helpers/api.js'
import { type Cluster, startCluster } from './cluster-kit.js'

type Imported = { id: string; links: { facilitator: string } }
const cardsIn = (file: EventExport) => file.boards.flatMap((b) => b.stations.flatMap((s) => s.columns.flatMap((c) => c.cards.map((card) => card.text)))).sort()

describe('two nodes: an event file imported again under an id used before', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let adminKey: string

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    adminKey = cluster.nodes[0]!.adminKey
    rememberAdminKey(b, adminKey)
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('keeps every card: imported on node A, exported, deleted, imported on node B', async () => {
    const file = aLargeEventExport({ tables: 2, cards: 12 })
    const first = await api<Imported>(a, '/api/events/import', { body: file, token: adminKey })
    expect(first.status).toBe(201)
    const token = tokenOfLink(first.body.links.facilitator)
    // Node A owns the event (its export and its deletion are served there).
    const exported = await api<EventExport>(a, `/api/events/${first.body.id}/export.json`, { token })
    expect(cardsIn(exported.body)).toEqual(cardsIn(file))
    expect((await api(a, `/api/events/${first.body.id}`, { method: 'DELETE', token })).status).toBe(204)

    // Node B imports the export under the same id; node A still holds the deleted event's lease.
    const again = await api<Imported>(b, '/api/events/import', { body: exported.body, token: adminKey })
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } })
    for (const node of [b, a]) {
      const copy = await api<EventExport>(node, `/api/events/${again.body.id}/export.json`, { token: tokenOfLink(again.body.links.facilitator) })
      expect({ node, status: copy.status, cards: cardsIn(copy.body) }).toEqual({ node, status: 200, cards: cardsIn(file) })
    }
  })

  it('refuses an import whose event cannot be taken by the node, and keeps nothing of it', async () => {
    const sample = aLargeEventExport({ tables: 1, cards: 3 })
    const file = { ...sample, event: { ...sample.event, id: 'ohne-lease' } }
    // A fencing counter that is no number: Redis refuses to count it on, so no node can own the event.
    const redis = await connectRedis(cluster.redis.url)
    try {
      await redis.set('tischrunde:fence:ohne-lease', 'kaputt')
      const refused = await api<{ code: string }>(b, '/api/events/import', { body: file, token: adminKey })
      expect(refused).toMatchObject({ status: 503, body: { code: 'STORAGE_FAILED' } })
      const listed = await api<{ id: string }[]>(b, '/api/events', { token: adminKey })
      expect(listed.body.map((e) => e.id)).not.toContain('ohne-lease')
      expect(await redis.keys('tischrunde:doc:board.ohne-lease.*')).toEqual([])
    } finally {
      await redis.close()
    }
  })
})
