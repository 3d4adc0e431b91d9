import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ack, CreateEventResponse, PresenceCounts } from '@tischrunde/shared'
import { api, createEvent, rememberAdminKey } from '../helpers/api.js'
import { within } from '../helpers/wait.js'
import { type Cluster, controlSocket, startCluster, upgradeStatus } from './cluster-kit.js'

describe('two nodes: requests that try to reach an event past its owner', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse
  let participant: string

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(a, { title: 'Umwege', tableNames: ['Wohnen'] })
    participant = (await api<{ token: string }>(a, '/api/join', { body: { code: cafe.joinCode } })).body.token
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('opens no second copy of a board on a node that does not serve its event, however the path is spelt', async () => {
    // A phone on A makes A the event's owner.
    const phone = await controlSocket(a, participant, cafe.event.id)
    const doc = `board.${cafe.event.id}.wohnen?token=${participant}`
    // Spelt plainly, B forwards the socket to A, which opens it.
    expect(await upgradeStatus(b, `/yjs/${doc}`)).toBe(101)
    // Spelt with segments a URL parser folds away, it named no event to the router but the board
    // to the socket: B opened its own copy of the board (stale, its writes never stored).
    for (const path of [`/yjs/x/../${doc}`, `/yjs/x/%2e%2e/${doc}`, `/yjs/x\\..\\${doc}`, `/yjs/./${doc}`]) {
      expect({ path, node: 'B', status: await upgradeStatus(b, path) }).toEqual({ path, node: 'B', status: 404 })
      expect({ path, node: 'A', status: await upgradeStatus(a, path) }).toEqual({ path, node: 'A', status: 404 })
    }
    phone.socket.disconnect()
  })

  it('refuses a control connection whose address names another event than its credential (it would be served by that event’s node)', async () => {
    const other = await createEvent(b, { title: 'Anderes Ereignis', tableNames: ['Bildung'] })
    await expect(controlSocket(b, cafe.facilitatorToken, other.event.id)).rejects.toThrow('UNAUTHORIZED')
    // Named rightly, it is in.
    const right = await controlSocket(b, cafe.facilitatorToken, cafe.event.id)
    right.socket.disconnect()
  })

  it('keeps the console’s presence counts to the owner’s: a screen on another node naming no event neither counts nor overwrites them', async () => {
    const table = cafe.event.tables[0]!.id
    const console_ = await controlSocket(a, cafe.facilitatorToken, cafe.event.id)
    const counts: PresenceCounts[] = []
    console_.socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    const phones = await Promise.all(
      [a, b].map(async (url) => controlSocket(url, (await api<{ token: string }>(url, '/api/join', { body: { code: cafe.joinCode } })).body.token, cafe.event.id)),
    )
    for (const phone of phones) expect(((await within(phone.socket.emitWithAck('presence:table', { tableId: table }), 'presence:table')) as Ack).ok).toBe(true)
    await within(
      (async () => {
        while (counts.at(-1)?.byTable[table] !== 2) await new Promise((r) => setTimeout(r, 50))
      })(),
      'the console to count two phones',
    )
    // A participant's screen on B naming no event: its seat is refused, and B's own count (it alone)
    // never reaches the console.
    const stray = await controlSocket(b, (await api<{ token: string }>(b, '/api/join', { body: { code: cafe.joinCode } })).body.token, null)
    const seen = counts.length
    const ack = (await within(stray.socket.emitWithAck('presence:table', { tableId: table }), 'the stray presence:table')) as Ack
    expect(ack).toMatchObject({ ok: false, code: 'CONFLICT' })
    await new Promise((r) => setTimeout(r, 1500))
    expect(counts.slice(seen).map((c) => c.byTable[table])).not.toContain(1)
    expect(counts.at(-1)?.byTable[table]).toBe(2)
    for (const s of [console_, stray, ...phones]) s.socket.disconnect()
  })
})
