import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type PresenceCounts, type RoundMessage, ErrorCode } from '@tischrunde/shared'
import { createEvent, join, rememberAdminKey } from '../helpers/api.js'
import { type CarriedPhone, carriedPhone } from '../helpers/carried-phone.js'
import { waitFor, within } from '../helpers/wait.js'
import { type Cluster, controlSocket, startCluster } from './cluster-kit.js'

/** A phone's control plane on its doc socket works the same whichever node it reaches (the doc socket is forwarded to the event's owner). */
describe('the carried control plane on two nodes', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let cafe: CreateEventResponse
  const phones: CarriedPhone[] = []

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.nodes.map((n) => n.url) as [string, string]
    rememberAdminKey(b, cluster.nodes[0]!.adminKey)
    cafe = await createEvent(a, { title: 'Zwei Knoten, ein Socket', tableNames: ['Wohnen', 'Arbeit'] })
  }, 60_000)
  afterAll(async () => {
    for (const p of phones) p.close()
    await cluster?.stop()
  })

  it('seats phones on both nodes for the console and brings them the console’s round change', async () => {
    const table = cafe.event.tables[0]!.id
    const console_ = await controlSocket(a, cafe.facilitatorToken, cafe.event.id)
    const counts: PresenceCounts[] = []
    console_.socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    try {
      // One of the two reaches the node that does not own the event and is forwarded.
      for (const url of [a, b]) phones.push(await carriedPhone(url, cafe.event.id, table, (await join(url, cafe.joinCode)).token))
      for (const p of phones) {
        await waitFor(() => p.of('event:state')[0], 'event:state on the phone')
        expect(await p.send('presence:table', { tableId: table })).toEqual({ ok: true })
        expect(await p.send('round:advance', { expectedVersion: 0 })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
      }
      await waitFor(() => counts.at(-1)?.byTable[table] === 2, 'both phones seated on the console', 5000)
      const before = console_.rounds.at(-1)!.round
      expect(await within(console_.socket.emitWithAck('round:advance', { expectedVersion: before.version }), 'the ack of round:advance')).toMatchObject({ ok: true })
      for (const p of phones) await waitFor(() => p.of<RoundMessage>('round:state').some((m) => m.round.version > before.version), 'the new round on each phone')
    } finally {
      console_.socket.disconnect()
    }
  }, 60_000)
})
