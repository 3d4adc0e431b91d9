import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BoardCloseCode, CARDS_PER_PARTICIPANT_MAX, type CreateEventResponse, WriteRefusal, boardDoc, checkBoardUpdate, parseBoardCloseReason, putCard } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { createEvent, join } from '../helpers/api.js'
import { type BoardClient, type Phone, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { bombUpdate, measureCardLatency, percentile, report, sendRaw, summary, updateMessage } from './fault-kit.js'

/** Hostile Yjs input against the real server process: nothing applied, stored or broadcast; no stall. */
describe('fault suite: hostile Yjs input', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse
  let table: string
  let phone: Phone
  let projector: BoardClient

  beforeAll(async () => {
    data = await tempDataDir('faults-yjs')
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_CARDS_BURST: '1000' } })
    cafe = await createEvent(child.url, { title: 'Störfälle', tableNames: ['Arbeitsmarktintegration'] })
    table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
    phone = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    projector = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    await Promise.all([phone.synced(), projector.synced()])
  })
  afterAll(async () => {
    phone?.destroy()
    projector?.destroy()
    await killAllChildren()
    await data?.remove()
  })

  /** What a fresh reader sees on the board: the server's stored and broadcast state. */
  async function boardTexts(): Promise<string[]> {
    const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    try {
      await reader.synced()
      return reader.cards().map((c) => c.text)
    } finally {
      reader.destroy()
    }
  }

  it('rejects resource-bomb updates in microseconds, closes the sender with 4400, and a second phone sees no stall', async () => {
    const bomb = bombUpdate()
    const rounds = 2000
    const t0 = performance.now()
    for (let i = 0; i < rounds; i++) checkBoardUpdate(bomb)
    const checkUs = ((performance.now() - t0) / rounds) * 1000

    const baseline = await measureCardLatency(phone, projector, new Promise((r) => setTimeout(r, 600)), 'base')
    const outcomes: Awaited<ReturnType<typeof sendRaw>>[] = []
    const attack = (async () => {
      // 20 attackers in parallel, 300 bomb sockets in all; after its first bomb an attacker is kept out (429).
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const token = await attackerToken()
          for (let i = 0; i < 15; i++) outcomes.push(await sendRaw(child.url, cafe.event.id, table, token, updateMessage(bomb)))
        }),
      )
    })()
    const during = await measureCardLatency(phone, projector, attack, 'attack')
    const closes = outcomes.map((o) => o.closedAfterMs ?? NaN)
    const closed = closes.filter((ms) => !Number.isNaN(ms))
    const keptOut = outcomes.filter((o) => o.status === 429).length
    report('resource-bomb update (a few bytes claiming 2^32 structs)', `check ${checkUs.toFixed(2)} µs in-process; ${closed.length} bomb sockets closed 4400 after p50 ${percentile(closed, 50).toFixed(1)} ms / max ${Math.max(...closed).toFixed(1)} ms round trip; ${keptOut} reconnects of the same attackers refused before the upgrade (429)`)
    report('second phone latency before the attack', summary(baseline))
    report('second phone latency during the attack', summary(during))

    expect(checkUs).toBeLessThan(100)
    const bombClose = `${BoardCloseCode.INVALID_MESSAGE} ${JSON.stringify({ reason: 'MALFORMED_UPDATE', detail: 'COUNT_TOO_LARGE' })}`
    const seen = new Set(outcomes.map((o) => (o.status ? `HTTP ${o.status}` : `${o.code} ${JSON.stringify(parseBoardCloseReason(o.reason ?? ''))}`)))
    expect([...seen].every((o) => o === bombClose || o === 'HTTP 429')).toBe(true)
    expect(closed.length).toBeGreaterThanOrEqual(20)
    expect(Math.max(...during)).toBeLessThan(500)
    expect(phone.closeCodes).toEqual([])
    const texts = await boardTexts()
    expect(texts.filter((t) => !t.startsWith('Messkarte'))).toEqual([])
  })

  /** A fresh participant for each attack: a sender closed for hostile input is kept out for a while. */
  const attackerToken = async () => (await join(child.url, cafe.joinCode)).token

  const realUpdate = () => {
    const doc = new Y.Doc()
    putCard(doc, aCard({ id: 'cut-card-1', authorId: phone.participantId, text: 'Abgeschnitten' }))
    return Y.encodeStateAsUpdate(doc)
  }

  /** One writer's two new cards, its part named twice (Yjs applies only the second, a check reading both judges both). */
  const writerNamedTwice = () => {
    const doc = new Y.Doc()
    const parts: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => parts.push(u))
    putCard(doc, aCard({ id: 'twice-card-1', authorId: phone.participantId, text: 'Zweimal genannt' }))
    putCard(doc, aCard({ id: 'twice-card-2', authorId: phone.participantId, text: 'Zweimal genannt' }))
    return Uint8Array.from([2, ...parts[0]!.slice(1, -1), ...parts[1]!.slice(1, -1), 0])
  }
  /** A thousand deletions of the same 5,000 clocks: each range walks them again. */
  const overlappingDeletions = () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 7)
    encoding.writeVarUint(e, 1000)
    for (let i = 0; i < 1000; i++) {
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint(e, 5000)
    }
    return encoding.toUint8Array(e)
  }

  it.each([
    ['one writer named twice in one update', writerNamedTwice, { reason: 'MALFORMED_UPDATE', detail: 'CLIENT_TWICE' }],
    ['a thousand overlapping deletions', overlappingDeletions, { reason: 'MALFORMED_UPDATE', detail: 'OVERLAPPING_DELETIONS' }],
    ['a truncated update (a real card update cut in half)', () => realUpdate().slice(0, 25), { reason: 'MALFORMED_UPDATE', detail: 'TRUNCATED' }],
    ['random bytes', () => Uint8Array.from([255, 255, 255, 255, 1, 2, 3, 0, 9]), { reason: 'MALFORMED_UPDATE', detail: 'COUNT_TOO_LARGE' }],
    ['an update with trailing bytes', () => Uint8Array.from([...realUpdate(), 7, 7]), { reason: 'MALFORMED_UPDATE', detail: 'TRAILING_BYTES' }],
  ])('refuses %s with 4400 and a reason, and stores nothing of it', async (name, update, reason) => {
    const outcome = await sendRaw(child.url, cafe.event.id, table, await attackerToken(), updateMessage(update()))
    report(name, `closed ${outcome.code} "${outcome.reason}" after ${outcome.closedAfterMs?.toFixed(1)} ms`)
    expect({ code: outcome.code, reason: parseBoardCloseReason(outcome.reason ?? '') }).toEqual({ code: BoardCloseCode.INVALID_MESSAGE, reason })
    expect(await boardTexts()).not.toContain('Abgeschnitten')
    expect(await boardTexts()).not.toContain('Zweimal genannt')
  })

  it('closes a socket sending a message over 2 MiB before it is buffered (1009), and the board stays up', async () => {
    const huge = new Uint8Array(2 * 1024 * 1024 + 16)
    const outcome = await sendRaw(child.url, cafe.event.id, table, await attackerToken(), huge)
    report('oversized board message (2 MiB + 16 B)', `closed ${outcome.code} after ${outcome.closedAfterMs?.toFixed(1)} ms`)
    expect(outcome.code).toBe(1009)
    phone.put(phone.card({ id: 'after-huge-1', text: 'Nach der Riesennachricht', position: 1 }))
    await phone.saved()
    expect(await boardTexts()).toContain('Nach der Riesennachricht')
  })

  it.each([
    ['writes to another root (outside the board layout)', (doc: Y.Doc) => doc.getMap('session').set('round', 3), { reason: 'MALFORMED_UPDATE', detail: 'FOREIGN_PARENT' }],
    ['writes a Y.Text into a card', (doc: Y.Doc) => boardDoc(doc).cards.set('text-card-1', new Y.Text('x')), { reason: 'MALFORMED_UPDATE', detail: 'FOREIGN_CONTENT' }],
    ['a card whose record carries a __proto__ key', (doc: Y.Doc) => boardDoc(doc).cards.set('proto-card-1', JSON.parse(`{"__proto__":{"authorId":"x"},"id":"proto-card-1"}`)), { reason: 'MALFORMED_UPDATE', detail: 'FORBIDDEN_KEY' }],
  ])('refuses an update that %s', async (name, write, reason) => {
    const doc = new Y.Doc()
    write(doc)
    const outcome = await sendRaw(child.url, cafe.event.id, table, await attackerToken(), updateMessage(Y.encodeStateAsUpdate(doc)))
    report(`update that ${name}`, `closed ${outcome.code} "${outcome.reason}"`)
    expect({ code: outcome.code, reason: parseBoardCloseReason(outcome.reason ?? '') }).toEqual({ code: BoardCloseCode.INVALID_MESSAGE, reason })
  })

  it.each([
    ['a card over 280 characters', { text: 'x'.repeat(281) }],
    ['a card with an extra role field', { role: 'facilitator' }],
  ])('refuses %s through the write gate (4400 INVALID_CARD) and keeps it off the board', async (name, extra) => {
    const doc = new Y.Doc()
    boardDoc(doc).cards.set('gate-card-1', { ...aCard({ id: 'gate-card-1', authorId: phone.participantId, text: 'Am Tor abgewiesen' }), ...extra })
    const outcome = await sendRaw(child.url, cafe.event.id, table, await attackerToken(), updateMessage(Y.encodeStateAsUpdate(doc)))
    report(`board write: ${name}`, `closed ${outcome.code} "${outcome.reason}"`)
    expect({ code: outcome.code, reason: parseBoardCloseReason(outcome.reason ?? '') }).toEqual({ code: BoardCloseCode.INVALID_MESSAGE, reason: { reason: 'INVALID_CARD' } })
    expect((await boardTexts()).some((t) => t.startsWith('x') || t === 'Am Tor abgewiesen')).toBe(false)
  })

  it('refuses the card over the per-participant maximum of 200 per board and tells the phone', async () => {
    const busy = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    try {
      await busy.synced()
      busy.doc.transact(() => {
        for (let i = 0; i < CARDS_PER_PARTICIPANT_MAX; i++) busy.put(busy.card({ id: `many-card-${i}`, text: `Viele ${i}`, position: i }))
      })
      await busy.saved()
      busy.put(busy.card({ id: 'one-too-many', text: 'Eine zu viel', position: 999 }))
      await waitFor(() => busy.refusals.length > 0, 'the refusal')
      const texts = await boardTexts()
      report('card number 201 from one participant', `refused ${busy.refusals.join(', ')}; ${texts.filter((t) => t.startsWith('Viele')).length} stored, the extra one ${texts.includes('Eine zu viel') ? 'stored' : 'not stored'}`)
      expect(busy.refusals).toEqual([WriteRefusal.TOO_MANY_CARDS])
      expect(texts).not.toContain('Eine zu viel')
      expect(texts.filter((t) => t.startsWith('Viele'))).toHaveLength(CARDS_PER_PARTICIPANT_MAX)
    } finally {
      busy.destroy()
    }
  })
})
