import { copyFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type CreateEventResponse, type FacilitatorEventView, boardDocName, readSnapshot, relayedMessageSchema } from '@tischrunde/shared'
import type { TischrundeServer } from '../../src/app.js'
import { boot } from '../../src/boot.js'
import { EventLeases } from '../../src/cluster/event-leases.js'
import { testPng } from '../../src/framing/test-images.js'
import { type RedisBytesClient, connectRedis } from '../../src/storage/redis/redis-connection.js'
import { api, createEvent, rememberAdminKey, tokenOfLink } from '../helpers/api.js'
import { type Phone, connectPhone } from '../helpers/board-client.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep, waitFor } from '../helpers/wait.js'

const PREFIX = 'spaet-geloescht-test:'
const CHANNEL = `${PREFIX}hub`
const CARD_BEFORE = 'Sprachpatenschaften – Ansprechpartnerin im Rathaus'
const CARD_NEW = 'Neue Runde: Lesepaten für die Grundschule'
const CARD_AFTER = 'Nach der späten Meldung noch gespeichert'

type Node = { server: TischrundeServer; url: string; dir: string; stop: () => Promise<void> }
/** An event as a test holds it: its id, a facilitator's token and the join code. */
type Held = { id: string; token: string; joinCode: string }

/**
 * Two nodes in this process on one real Redis. An event is deleted, and the message that tells the
 * other node so comes late: by then that node has imported the event's export again, under the same
 * id. The late message must leave the new event alone (its logo files, its doc sockets, its docs).
 */
describe('two nodes: a deletion whose message arrives after the id is in use again', () => {
  let redis: RedisProcess
  let client: RedisBytesClient
  let recorder: RedisBytesClient
  /** Every message relayed between the nodes, as sent. */
  const relayed: string[] = []
  const nodes: Node[] = []
  const phones: Phone[] = []
  let a: Node
  let b: Node

  const startNode = async (keyFrom?: string): Promise<Node> => {
    const data = await tempDataDir('late-delete-node')
    if (keyFrom) await copyFile(path.join(keyFrom, 'server.key'), path.join(data.dir, 'server.key'))
    const { server, unlock } = await boot({
      dataDir: data.dir,
      logLevel: 'silent',
      startFresh: false,
      withClient: false,
      // Long leases: a lease ended in Redis is noticed by its renewal only after ten seconds.
      redis: { url: redis.url, prefix: PREFIX, leaseMs: 30_000 },
      app: { retentionSweepMs: 0 },
    })
    const url = await server.listen(0, '127.0.0.1')
    rememberAdminKey(url, server.credentials.adminKey)
    const node = { server, url, dir: data.dir, stop: async () => (await server.close(), await unlock(), await data.remove()) }
    nodes.push(node)
    return node
  }
  const logoFiles = (node: Node, eventId: string) => readdir(path.join(node.dir, 'logos', eventId)).catch(() => [])

  /** An event on `node` with a logo its framing names and a card a phone wrote there; answers its export. */
  const eventWithLogo = async (node: Node, title: string): Promise<{ event: CreateEventResponse; file: unknown }> => {
    const event = await createEvent(node.url, { title, tableNames: ['Sprache'], date: '2026-11-23' })
    const token = event.facilitatorToken
    await advanceRounds(node.url, token)
    const posted = await fetch(`${node.url}/api/events/${event.event.id}/framing/logos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: testPng(90, 30),
    })
    const { logoId } = (await posted.json()) as { logoId: string }
    const framing = { subtitle: '', organisers: [{ name: 'Stadt Winnenden', logoId }], intro: '', outlook: '' }
    expect((await api(node.url, `/api/events/${event.event.id}/framing`, { method: 'PUT', body: { framing }, token })).status).toBe(200)
    const phone = await connectPhone(node.url, event.event.id, 'sprache', event.joinCode)
    phones.push(phone)
    await phone.synced()
    phone.put(phone.card({ id: 'card-vorher', text: CARD_BEFORE }))
    await phone.saved()
    const exported = await api(node.url, `/api/events/${event.event.id}/export.json`, { token })
    expect(exported.status).toBe(200)
    return { event, file: exported.body }
  }

  /** Imports an export on `node` (as the admin does), and a phone writes to it there. */
  const importOn = async (node: Node, file: unknown): Promise<{ held: Held; phone: Phone }> => {
    const imported = await api<{ id: string; links: { facilitator: string } }>(node.url, '/api/events/import', { body: file, token: node.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    const token = tokenOfLink(imported.body.links.facilitator)
    const view = await api<FacilitatorEventView>(node.url, `/api/events/${imported.body.id}`, { token })
    const held = { id: imported.body.id, token, joinCode: view.body.joinCode }
    await advanceRounds(node.url, token)
    const phone = await connectPhone(node.url, held.id, 'sprache', held.joinCode)
    phones.push(phone)
    await phone.synced()
    phone.put(phone.card({ id: 'card-neu', text: CARD_NEW }))
    await phone.saved()
    return { held, phone }
  }

  /** What must still be there of the imported event on `node` once the late message had its time. */
  const expectUntouched = async (node: Node, held: Held, phone: Phone) => {
    // Its handling waits for a read of the store: time enough for that, and for any listener it reached.
    await sleep(1500)
    expect(phone.closeCodes).toEqual([])
    expect(await logoFiles(node, held.id)).toHaveLength(1)
    expect((await node.server.rooms.loaded()).some((room) => room.name.includes(held.id))).toBe(true)
    phone.put(phone.card({ id: 'card-danach', text: CARD_AFTER }))
    await phone.saved()
    expect((await api(node.url, `/api/events/${held.id}`, { token: held.token })).status).toBe(200)
    // Stored in Redis, from the import on: the imported card and both new ones.
    const doc = new Y.Doc()
    for (const update of await node.server.storage.boards.load(boardDocName(held.id, 'sprache'))) Y.applyUpdate(doc, update)
    const texts = readSnapshot(doc).cards.map((card) => card.text)
    expect(texts.sort()).toEqual([CARD_AFTER, CARD_NEW, CARD_BEFORE].sort())
  }

  beforeAll(async () => {
    redis = await startRedis()
    client = await connectRedis(redis.url)
    recorder = await connectRedis(redis.url)
    await recorder.subscribe(CHANNEL, (raw: Buffer | string) => void relayed.push(String(raw)))
    a = await startNode()
    b = await startNode(a.dir)
  }, 60_000)
  afterAll(async () => {
    for (const phone of phones) phone.destroy()
    for (const node of nodes) await node.stop().catch(() => {})
    await recorder?.close().catch(() => {})
    await client?.close().catch(() => {})
    await redis?.stop()
  })

  it('leaves the event imported on another node alone when the deletion on its owner is heard again late', async () => {
    const { event, file } = await eventWithLogo(a, 'Integrationskonferenz Altstadt')
    const id = event.event.id
    expect((await api(a.url, `/api/events/${id}`, { method: 'DELETE', token: event.facilitatorToken })).status).toBe(204)
    const sent = await waitFor(() => relayed.find((raw) => relayedMessageSchema.parse(JSON.parse(raw)).message.topic === 'deleted'), 'the deletion relayed by node A')

    const { held, phone } = await importOn(b, file)
    expect(held.id).toBe(id)
    expect(await logoFiles(b, id)).toHaveLength(1)
    // The deletion's message again, as a network that held it back would deliver it.
    await client.publish(CHANNEL, sent)
    await expectUntouched(b, held, phone)
    // It names the deletion among those of the id: the fence it raised, below the new event's lease.
    const { message } = relayedMessageSchema.parse(JSON.parse(sent))
    const lease = String(await client.get(`${PREFIX}lease:${id}`))
    expect(message).toMatchObject({ eventId: id, topic: 'deleted', fence: expect.any(Number) })
    expect(Number(lease.split('|')[1])).toBeGreaterThan((message as { fence: number }).fence)
  })

  it('lets the owner import the id again before the message of a deletion on another node reaches it', async () => {
    const { event, file } = await eventWithLogo(b, 'Bürgerforum Hertmannsweiler')
    const id = event.event.id
    // Node A deletes it, as its app does, but the message is not sent yet: node B still holds the
    // event's lease and docs in memory, the old phone still connected.
    await a.server.events.remove(id)
    const other = new EventLeases(client, { prefix: PREFIX, nodeId: 'node-a', acquired: () => {}, lost: () => {} })
    const fence = await other.end(id)

    const { held, phone } = await importOn(b, file)
    expect(held.id).toBe(id)
    await client.publish(CHANNEL, JSON.stringify({ from: 'node-a', message: { eventId: id, topic: 'deleted', audience: 'everyone', fence } }))
    await expectUntouched(b, held, phone)
  })
})
