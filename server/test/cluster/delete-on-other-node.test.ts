import { copyFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardCloseCode, type CreateEventResponse, boardDocName, leaseValueSchema } from '@tischrunde/shared'
import type { TischrundeServer } from '../../src/app.js'
import type { DocRoom } from '../../src/boards/doc-room.js'
import { boot } from '../../src/boot.js'
import { DELETED_NOTICE_MS } from '../../src/retention/deleted-events.js'
import { testPng } from '../../src/framing/test-images.js'
import { redisBoardStore } from '../../src/storage/redis/redis-board-store.js'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { api, createEvent, rememberAdminKey } from '../helpers/api.js'
import { type Phone, connectPhone } from '../helpers/board-client.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'

const PREFIX = 'loeschen-test:'

type Node = { server: TischrundeServer; url: string; dir: string; stop: () => Promise<void> }

/**
 * Two nodes in this process on one real Redis: node A owns an event (a phone writes there, its
 * logo is in A's folder), node B's retention sweep deletes it. What A still does with the event
 * afterwards must not bring any of it back, and A must answer its links as deleted.
 */
describe('two nodes: an event deleted on the node that does not own it', () => {
  let redis: RedisProcess
  let client: RedisBytesClient
  let clock = Date.parse('2026-11-20T09:00:00Z')
  const nodes: Node[] = []
  let a: Node
  let b: Node
  let event: CreateEventResponse
  let phone: Phone
  let room: DocRoom
  let ownerToken: number
  const docName = () => boardDocName(event.event.id, 'sprache')

  const startNode = async (keyFrom?: string): Promise<Node> => {
    const data = await tempDataDir('delete-node')
    if (keyFrom) await copyFile(path.join(keyFrom, 'server.key'), path.join(data.dir, 'server.key'))
    const { server, unlock } = await boot({
      dataDir: data.dir,
      logLevel: 'silent',
      startFresh: false,
      withClient: false,
      redis: { url: redis.url, prefix: PREFIX, leaseMs: 2000 },
      app: { now: () => clock, retentionSweepMs: 0 },
    })
    const url = await server.listen(0, '127.0.0.1')
    rememberAdminKey(url, server.credentials.adminKey)
    const node = { server, url, dir: data.dir, stop: async () => (await server.close(), await unlock(), await data.remove()) }
    nodes.push(node)
    return node
  }

  beforeAll(async () => {
    redis = await startRedis()
    client = await connectRedis(redis.url)
    a = await startNode()
    b = await startNode(a.dir)
    event = await createEvent(a.url, { title: 'Integrationskonferenz Altstadt', tableNames: ['Sprache'], date: '2026-11-23' })
    await advanceRounds(a.url, event.facilitatorToken)
    const logo = await fetch(`${a.url}/api/events/${event.event.id}/framing/logos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${event.facilitatorToken}`, 'content-type': 'image/png' },
      body: testPng(90, 30),
    })
    expect(logo.status).toBe(201)
    phone = await connectPhone(a.url, event.event.id, 'sprache', event.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'card-loesch-1', text: 'Sprachcafé im Jugendhaus – Kontakt Frau Yilmaz' }))
    await phone.saved()
    // Node A owns the event: its lease, its room, its logo file.
    const lease = leaseValueSchema.parse(String(await client.get(`${PREFIX}lease:${event.event.id}`)))
    expect(lease.address).toBe(a.url)
    ownerToken = lease.token
    room = (await a.server.rooms.loaded()).find((r) => r.name === docName())!
    expect(room).toBeDefined()
    expect(await readdir(path.join(a.dir, 'logos', event.event.id))).toHaveLength(1)
    expect(await client.sIsMember(`${PREFIX}docs`, docName())).toBe(1)
  }, 60_000)
  afterAll(async () => {
    phone?.destroy()
    for (const node of nodes) await node.stop().catch(() => {})
    await client?.close()
    await redis?.stop()
  })

  it('leaves nothing of the event in Redis when the owner writes afterwards, and closes its phone as deleted', async () => {
    clock = Date.parse('2027-01-04T00:00:01Z')
    expect(await b.server.retention.sweep()).toEqual([event.event.id])
    await waitFor(() => phone.closeCodes.includes(BoardCloseCode.NOT_FOUND), 'the phone on node A to be closed as deleted')

    // Late work of the owner: a compaction of its room, its store compacting, an append sent with its token before the deletion.
    const snapshot = Y.encodeStateAsUpdate(phone.doc)
    await room.compactNow().catch(() => {})
    await expect(a.server.storage.boards.compact(docName(), snapshot)).rejects.toThrow()
    const lateOwner = redisBoardStore(client, PREFIX, { tokenOf: () => ownerToken })
    await expect(lateOwner.append(docName(), [snapshot])).rejects.toThrow()
    await expect(lateOwner.compact(docName(), snapshot)).rejects.toThrow()

    expect(await client.keys(`${PREFIX}doc:*${event.event.id}*`)).toEqual([])
    expect((await client.sMembers(`${PREFIX}docs`)).map(String).filter((name) => name.includes(event.event.id))).toEqual([])
  })

  it('answers the deleted event on node A as deleted, and A keeps no logo of it', async () => {
    const page = await fetch(`${a.url}/e/${event.event.id}/console`)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('Diese Veranstaltung wurde gelöscht')
    expect(await api(a.url, `/api/events/${event.event.id}`, { token: event.facilitatorToken })).toEqual({
      status: 410,
      body: { code: 'NOT_FOUND', params: { what: 'event', deleted: true } },
    })
    expect(await api(a.url, '/api/join', { body: { code: event.joinCode } })).toEqual({ status: 410, body: { code: 'BAD_JOIN_CODE', params: { reason: 'deleted' } } })
    // The marks in Redis: the event's id and join code, as salted hashes, kept for DELETED_NOTICE_MS.
    const marks = (await client.keys(`${PREFIX}deleted:*`)).map(String).filter((k) => k !== `${PREFIX}deleted:salt`)
    expect(marks).toHaveLength(2)
    for (const mark of marks) {
      expect(mark).not.toContain(event.event.id)
      expect(await client.pTTL(mark)).toBeGreaterThan(DELETED_NOTICE_MS - 60_000)
    }
    await waitFor(async () => (await readdir(path.join(a.dir, 'logos', event.event.id)).catch(() => [])).length === 0, "node A's logo files of the event to be removed")
  })
})
