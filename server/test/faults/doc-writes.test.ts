import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Card, type CreateEventResponse, type PresenceCounts, WIRE_VERSION, WRITER_CLIENTS_MAX, WriteRefusal, boardDoc, boardDocName, deleteCard, editCard, parseBoardCloseReason } from '@tischrunde/shared'
import { createEvent, join } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { controlSocket, report, sendRaw, updateMessage } from './fault-kit.js'

/**
 * Writes a person can walk around today's checks with: another person's Yjs client id, a deleted
 * card coming back, two edits of one card at once, padded texts, placing a card first, text frames.
 */
describe('fault suite: doc writes', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse
  let table: string
  const open: BoardClient[] = []
  const keep = <C extends BoardClient>(c: C) => (open.push(c), c)

  beforeAll(async () => {
    data = await tempDataDir('faults-doc-writes')
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_CARDS_BURST: '1000' } })
    cafe = await createEvent(child.url, { title: 'Schreibwege', tableNames: ['Arbeitsmarktintegration', 'Sprache'] })
    table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const c of open) c.destroy()
    await killAllChildren()
    await data?.remove()
  })

  const phone = async (tableId = table) => {
    const p = keep(await connectPhone(child.url, cafe.event.id, tableId, cafe.joinCode))
    await p.synced()
    return p
  }
  async function boardTexts(tableId = table): Promise<string[]> {
    const reader = connectBoard(child.url, cafe.event.id, tableId, cafe.projectorToken)
    try {
      await reader.synced()
      return reader.cards().map((c) => c.text)
    } finally {
      reader.destroy()
    }
  }
  const closeOf = (outcome: { code?: number; reason?: string; status?: number }) =>
    outcome.status ? `HTTP ${outcome.status}` : `${outcome.code} ${parseBoardCloseReason(outcome.reason ?? '')?.reason ?? outcome.reason}`

  it("refuses structs under another participant's client id, and the victim's later card is stored", async () => {
    const victim = await phone()
    const attacker = await phone()
    victim.put(victim.card({ id: 'victim-card-1', text: 'Erste Karte' }))
    await victim.saved()
    // The attacker copies the board and writes at the victim's next clock, as the victim.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(victim.doc))
    forger.clientID = victim.doc.clientID
    const before = Y.encodeStateVector(forger)
    boardDoc(forger).cards.set('forged-card-1', attacker.card({ id: 'forged-card-1', text: 'Untergeschoben' }))
    const forged = await sendRaw(child.url, cafe.event.id, table, attacker.token, updateMessage(Y.encodeStateAsUpdate(forger, before)))
    // And deletions of clocks the victim has not written yet.
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, victim.doc.clientID)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, Y.getState(victim.doc.store, victim.doc.clientID))
    encoding.writeVarUint(e, 50)
    const stranger = keep(await connectPhone(child.url, cafe.event.id, table, cafe.joinCode))
    const deleted = await sendRaw(child.url, cafe.event.id, table, stranger.token, updateMessage(encoding.toUint8Array(e)))

    victim.put(victim.card({ id: 'victim-card-2', text: 'Zweite Karte' }))
    await victim.saved()
    const texts = await boardTexts()
    report('structs under another person’s client id', `forged card → ${closeOf(forged)}; deletions of future clocks → ${closeOf(deleted)}; victim’s next card stored: ${texts.includes('Zweite Karte')}`)
    expect(parseBoardCloseReason(forged.reason ?? '')?.reason).toBe(WriteRefusal.FOREIGN_WRITER)
    expect(parseBoardCloseReason(deleted.reason ?? '')?.reason).toBe(WriteRefusal.FOREIGN_WRITER)
    expect(texts).toContain('Zweite Karte')
    expect(texts).not.toContain('Untergeschoben')
  })

  it('refuses invented writers by the hundred, so a newcomer’s state vector stays small', async () => {
    const attacker = await phone(cafe.event.tables[1]!.id)
    const e = encoding.createEncoder()
    const writers = WRITER_CLIENTS_MAX + 100
    encoding.writeVarUint(e, writers)
    for (let i = 0; i < writers; i++) {
      encoding.writeVarUint(e, 1) // one struct
      encoding.writeVarUint(e, 900_000 + i) // an invented client id
      encoding.writeVarUint(e, 0) // from clock 0
      encoding.writeUint8(e, 0) // a GC struct
      encoding.writeVarUint(e, 1)
    }
    encoding.writeVarUint(e, 0)
    const outcome = await sendRaw(child.url, cafe.event.id, cafe.event.tables[1]!.id, attacker.token, updateMessage(encoding.toUint8Array(e)))
    const newcomer = keep(connectBoard(child.url, cafe.event.id, cafe.event.tables[1]!.id, cafe.projectorToken))
    await newcomer.synced()
    const vector = Y.encodeStateVector(newcomer.doc).length
    report('GC structs for invented writers', `${writers} invented client ids → ${closeOf(outcome)}; a newcomer's state vector: ${vector} B`)
    expect(parseBoardCloseReason(outcome.reason ?? '')?.reason).toBe(WriteRefusal.TOO_MANY_WRITERS)
    expect(vector).toBeLessThan(200)
  })

  it('keeps a card deleted by the facilitator deleted when its author comes back with an offline edit', async () => {
    const author = await phone()
    const moderation = keep(connectBoard(child.url, cafe.event.id, table, cafe.facilitatorToken))
    await moderation.synced()
    author.put(author.card({ id: 'to-be-deleted', text: 'Mit Telefonnummer 0171…' }))
    await author.saved()
    await moderation.waitForCard('to-be-deleted')
    author.provider.disconnect()
    editCard(author.doc, 'to-be-deleted', { text: 'Mit Telefonnummer 0171 1234567' })
    deleteCard(moderation.doc, 'to-be-deleted')
    await moderation.saved()
    author.provider.connect()
    await waitFor(() => author.refusals.includes(WriteRefusal.RECORD_DELETED), 'the author to hear that the card was removed')
    await waitFor(() => !author.cards().some((c) => c.id === 'to-be-deleted'), 'the card to vanish from the author’s phone')
    const texts = await boardTexts()
    report('facilitator delete vs offline edit', `card on the board afterwards: ${texts.some((t) => t.includes('0171'))}; author told: ${author.refusals.join(', ')}`)
    expect(texts.some((t) => t.includes('0171'))).toBe(false)
  })

  it('keeps both versions when a host corrects a card while its author edits it offline', async () => {
    const author = await phone()
    const hostLink = cafe.links.hosts[table]!
    const hostToken = decodeURIComponent(hostLink.slice(hostLink.indexOf('#k=') + 3))
    const host = keep(connectBoard(child.url, cafe.event.id, table, hostToken))
    await host.synced()
    author.put(author.card({ id: 'edited-twice', text: 'Sprachkurse fehln' }))
    await author.saved()
    await host.waitForCard('edited-twice')
    author.provider.disconnect()
    editCard(host.doc, 'edited-twice', { text: 'Sprachkurse fehlen' })
    await host.saved()
    editCard(author.doc, 'edited-twice', { text: 'Sprachkurse für Mütter fehlen' })
    author.provider.connect()
    await author.saved()
    const card = await waitFor(async () => {
      const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
      try {
        await reader.synced()
        const found = reader.cards().find((c) => c.id === 'edited-twice')
        return found?.alternatives?.length ? found : undefined
      } finally {
        reader.destroy()
      }
    }, 'the losing version kept beside the card')
    const versions = [card.text, ...(card.alternatives ?? []).map((a) => a.text)]
    report('host and author edit one card at once', `card: "${card.text}", kept beside it: ${(card.alternatives ?? []).map((a) => `"${a.text}"`).join(', ')}`)
    expect(versions.sort()).toEqual(['Sprachkurse fehlen', 'Sprachkurse für Mütter fehlen'])
  })

  it('stores no padded text and no card placed first: the limits hold on what is stored', async () => {
    const p = await phone()
    // A short-looking text with 1.5 MB of spaces: the limit is on the stored text, not the trimmed one.
    const padded = new Y.Doc()
    Y.applyUpdate(padded, Y.encodeStateAsUpdate(p.doc))
    const sv = Y.encodeStateVector(padded)
    boardDoc(padded).cards.set('padded-card', { ...p.card({ id: 'padded-card', text: 'kurz' }), text: `kurz${' '.repeat(1_500_000)}` })
    const outcome = await sendRaw(child.url, cafe.event.id, table, p.token, updateMessage(Y.encodeStateAsUpdate(padded, sv)))
    // A card with a position far above every other and a time long past: placed last, timed now.
    const t0 = Date.now()
    p.put({ ...p.card({ id: 'first-please', text: 'Ich zuerst!' }), position: -1e9, createdAt: 0 } as Card)
    await p.saved()
    const reader = keep(connectBoard(child.url, cafe.event.id, table, cafe.projectorToken))
    await reader.synced()
    const placed = await waitFor(() => {
      const c = reader.cards().find((x) => x.id === 'first-please')
      return c && c.position > 0 ? c : undefined
    }, 'the server to place the card')
    const column = reader.cards().filter((c) => c.stationId === placed.stationId && c.columnId === placed.columnId)
    report('limits on what is stored', `1.5 MB padded text → ${closeOf(outcome)}; a card at position −1e9 → place ${column.findIndex((c) => c.id === 'first-please') + 1} of ${column.length}, time ${placed.createdAt >= t0 ? 'the server’s' : placed.createdAt}`)
    expect(parseBoardCloseReason(outcome.reason ?? '')?.reason).toBe(WriteRefusal.INVALID_CARD)
    expect((await boardTexts()).some((t) => t.startsWith('kurz'))).toBe(false)
    expect(column.at(-1)?.id).toBe('first-please')
    expect(placed.createdAt).toBeGreaterThanOrEqual(t0 - 5000)
  })

  it('closes a text frame and an unknown message at once, and keeps the sender out for a while', async () => {
    const p = await phone(cafe.event.tables[1]!.id)
    const path = `${child.url.replace(/^http/, 'ws')}/yjs/${boardDocName(cafe.event.id, cafe.event.tables[1]!.id)}?token=${encodeURIComponent(p.token)}`
    const textFrame = await new Promise<number>((resolve) => {
      const ws = new WebSocket(path)
      ws.on('open', () => ws.send('hallo'))
      ws.on('close', (code) => resolve(code))
      ws.on('error', () => {})
    })
    // Three hostile closes in a row, then the sender is kept out for a while.
    for (let i = 0; i < 2; i++) await sendRaw(child.url, cafe.event.id, cafe.event.tables[1]!.id, p.token, Uint8Array.from([9]))
    const again = await sendRaw(child.url, cafe.event.id, cafe.event.tables[1]!.id, p.token, null, 3000)
    const other = keep(await connectPhone(child.url, cafe.event.id, cafe.event.tables[1]!.id, cafe.joinCode))
    const unknown = await sendRaw(child.url, cafe.event.id, cafe.event.tables[1]!.id, other.token, Uint8Array.from([9, 1, 2]))
    report('text frames and unknown messages', `text frame → ${textFrame}; after three such closes a reconnect → ${closeOf(again)}; message type 9 → ${closeOf(unknown)}`)
    expect(textFrame).toBe(4400)
    expect(again.status).toBe(429)
    expect(unknown.code).toBe(4400)
  })

  it('counts people at a table whose id is a prototype key ("constructor") like at any other', async () => {
    const odd = await createEvent(child.url, { title: 'Prototyp', tableNames: ['Constructor', '__proto__ Runde'] })
    const facilitator = controlSocket(child.url, { token: odd.facilitatorToken, wire: WIRE_VERSION })
    const counts: PresenceCounts[] = []
    facilitator.socket.on('presence:counts', (c: PresenceCounts) => counts.push(c))
    await facilitator.ready
    const { token } = await join(child.url, odd.joinCode)
    const phone = controlSocket(child.url, { token, wire: WIRE_VERSION })
    await phone.ready
    const tableId = odd.event.tables[0]!.id
    await phone.socket.emitWithAck('presence:table', { tableId })
    const seen = await waitFor(() => counts.find((c) => Object.keys(c.byTable).length > 0), 'the count of the table', 5000)
    report('a table called “constructor”', `table id ${tableId}; console counts ${JSON.stringify(seen.byTable)}`)
    phone.socket.disconnect()
    facilitator.socket.disconnect()
    expect(seen.byTable).toEqual({ [tableId]: 1 })
  })
})
