import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTORS_ROOT, type ActorRecord, type CreateEventResponse, actorKey, actorMapShownDocName, tablesOf, withPerson } from '@tischrunde/shared'
import { WebSocket } from 'ws'
import { createEvent, join, tokenOfLink } from '../../test/helpers/api.js'
import { encodeSyncStep1 } from '../boards/sync-messages.js'
import { connectDoc, connectPhone } from '../../test/helpers/board-client.js'
import { command } from '../../test/helpers/command.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { advanceRounds } from '../../test/helpers/rounds.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'
import { actorMapDocName } from './build-actor-map.js'

const actorsOf = (doc: Y.Doc) => new Map([...doc.getMap<ActorRecord>(ACTORS_ROOT).entries()])
/**
 * Whether a text is anywhere in a doc's encoded state (what a device keeps of it), in any case, or as
 * the comparison key an actor's id was once made of ("Talstraße" → "talstrasse").
 */
const holdsText = (doc: Y.Doc, text: string) => {
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8').toLowerCase()
  return [text.toLowerCase(), actorKey(text).replace(/ /g, '-')].some((form) => form !== '' && state.includes(form))
}
const helps = { stationId: 'station-3', columnId: 'wer-hilft' }

describe('the actor map follows cards that leave their boards', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('actors-follow')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Bündnis-Café', tableNames: ['Arbeit', 'Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken, 3)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('a hidden card takes its text and its contact person out of the map phones see; hand work stays, a typed person too', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const console_ = connectDoc(running.url, actorMapDocName(eventId), cafe.facilitatorToken)
    const shown = connectDoc(running.url, actorMapShownDocName(eventId), tokenOfLink(cafe.links.projector))
    try {
      await Promise.all([anna.synced(), bernd.synced(), console_.synced(), shown.synced()])
      anna.put(anna.card({ id: 'card-follow-1', ...helps, text: 'Städtetag: Benjamin Lachat' }))
      anna.put(anna.card({ id: 'card-follow-2', ...helps, text: 'Jobcenter Waiblingen (Frau K. wohnt in der Unterkunft Talstraße)', position: 2 }))
      anna.put(anna.card({ id: 'card-follow-3', ...helps, text: 'Volkshochschule', position: 3 }))
      await anna.saved()
      bernd.put(bernd.card({ id: 'card-follow-4', ...helps, text: 'Volkshochschule' }))
      await bernd.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await waitFor(() => actorsOf(shown.doc).size >= 3 || undefined, 'the actors on the projector')
      await waitFor(() => actorsOf(console_.doc).size >= 3 || undefined, 'the actors on the console')
      const byName = (doc: Y.Doc, start: string) => [...actorsOf(doc).values()].find((a) => a.name.startsWith(start))
      expect(byName(console_.doc, 'Städtetag')!.person).toBe('Benjamin Lachat')
      expect(holdsText(shown.doc, 'Talstraße')).toBe(true)
      expect(tablesOf(byName(console_.doc, 'Volkshochschule')!).sort()).toEqual(['arbeit', 'sprache'])

      // The facilitator ticks the Jobcenter for the core group: hand work the map keeps.
      const jobcenter = byName(console_.doc, 'Jobcenter')!
      console_.doc.getMap(ACTORS_ROOT).set(jobcenter.id, { ...jobcenter, coreGroup: true })
      await console_.saved()

      for (const cardId of ['card-follow-1', 'card-follow-2']) expect(await command(running.url, cafe.facilitatorToken, 'card:moderate', { tableId: 'arbeit', cardId, action: 'hide' })).toEqual({ ok: true })
      await waitFor(() => !holdsText(shown.doc, 'Talstraße') || undefined, 'the hidden text to leave the projector map')
      // Nothing the hidden cards said is left on the projector; the Städtetag only they named is gone.
      await waitFor(() => (byName(console_.doc, 'Städtetag') === undefined && byName(shown.doc, 'Städtetag') === undefined) || undefined, 'the actor only a hidden card named')
      expect(holdsText(shown.doc, 'Lachat')).toBe(false)
      expect(byName(console_.doc, 'Jobcenter')).toMatchObject({ coreGroup: true, mentions: [] })
      // A card elsewhere is untouched: the Volkshochschule keeps both tables.
      expect(tablesOf(byName(console_.doc, 'Volkshochschule')!).sort()).toEqual(['arbeit', 'sprache'])

      // A person typed by hand stays when the card that named the actor goes.
      const vhs = byName(console_.doc, 'Volkshochschule')!
      console_.doc.getMap(ACTORS_ROOT).set(vhs.id, withPerson(vhs, 'Herr Beispiel, Fachbereich Sprache'))
      await console_.saved()
      anna.doc.getMap('cards').delete('card-follow-3')
      bernd.doc.getMap('cards').delete('card-follow-4')
      await Promise.all([anna.saved(), bernd.saved()])
      await waitFor(() => byName(console_.doc, 'Volkshochschule')!.mentions.length === 0 || undefined, 'the deleted cards to leave the actor')
      expect(byName(console_.doc, 'Volkshochschule')!.person).toBe('Herr Beispiel, Fachbereich Sprache')
      expect(byName(shown.doc, 'Volkshochschule')!.person).toBe('')
    } finally {
      for (const client of [anna, bernd, console_, shown]) client.destroy()
    }
  })
  it('a reworded card takes its old words out of the map phones see; a card moved out of the column too', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const shown = connectDoc(running.url, actorMapShownDocName(eventId), tokenOfLink(cafe.links.projector))
    try {
      await Promise.all([anna.synced(), shown.synced()])
      anna.put(anna.card({ id: 'card-edit-1', ...helps, text: 'Geheimbund e. V. (Herr Müller, Lindenweg 3)' }))
      anna.put(anna.card({ id: 'card-edit-2', ...helps, text: 'Sportverein Lindenweg-Nord', position: 2 }))
      await anna.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await waitFor(() => (holdsText(shown.doc, 'Müller') && holdsText(shown.doc, 'Lindenweg-Nord')) || undefined, 'both cards in the shown map')
      const cards = anna.doc.getMap<Record<string, unknown>>('cards')
      cards.set('card-edit-1', { ...cards.get('card-edit-1')!, text: 'Verein (Name entfernt)' })
      cards.set('card-edit-2', { ...cards.get('card-edit-2')!, columnId: 'naeherkommen' })
      await anna.saved()
      await waitFor(() => (!holdsText(shown.doc, 'Müller') && !holdsText(shown.doc, 'Lindenweg-Nord')) || undefined, 'the old words to leave the shown map')
    } finally {
      for (const client of [anna, shown]) client.destroy()
    }
  })
})

describe('a shown actor map stored before a card was hidden', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('actors-follow-stored')
    // Docs nobody holds unload at once: the shown copy is on disk only when the card is hidden.
    running = await startServer(data.dir, { roomIdleMs: 50 })
    cafe = await createEvent(running.url, { title: 'Bündnis-Café', tableNames: ['Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken, 3)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('sends a phone opening it later not one byte of the hidden card', async () => {
    const eventId = cafe.event.id
    const anna = await connectPhone(running.url, eventId, 'arbeit', cafe.joinCode)
    try {
      await anna.synced()
      anna.put(anna.card({ id: 'card-stored-1', ...helps, text: 'Jobcenter GEHEIM-Talstrasse-17' }))
      await anna.saved()
      expect(await command(running.url, cafe.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      const first = connectDoc(running.url, actorMapShownDocName(eventId), tokenOfLink(cafe.links.projector))
      await first.synced()
      await waitFor(() => holdsText(first.doc, 'GEHEIM') || undefined, 'the text in the shown map')
      first.destroy()
      await waitFor(() => !(running.server.rooms as unknown as { rooms: Map<string, unknown> }).rooms.has(actorMapShownDocName(eventId)) || undefined, 'the shown map to unload')
      expect(await command(running.url, cafe.facilitatorToken, 'card:moderate', { tableId: 'arbeit', cardId: 'card-stored-1', action: 'hide' })).toEqual({ ok: true })
      // The map the organisers edit follows the hide at once; the shown copy stays on disk as it was.
      const console_ = connectDoc(running.url, actorMapDocName(eventId), cafe.facilitatorToken)
      await console_.synced()
      await waitFor(() => !holdsText(console_.doc, 'GEHEIM') || undefined, 'the actor map to follow the hide')
      console_.destroy()
      // Both unloaded: the shown copy loads from disk, and so does the map it follows.
      const loaded = () => (running.server.rooms as unknown as { rooms: Map<string, unknown> }).rooms
      await waitFor(() => (!loaded().has(actorMapDocName(eventId)) && !loaded().has(actorMapShownDocName(eventId))) || undefined, 'both maps to unload')
      // Every byte a new phone is sent, from its first frame on.
      const phone = await join(running.url, cafe.joinCode)
      const frames: Buffer[] = []
      const ws = new WebSocket(`${running.url.replace(/^http/, 'ws')}/yjs/${actorMapShownDocName(eventId)}?token=${encodeURIComponent(phone.token)}`)
      ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
      await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)))
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
      await waitFor(() => frames.length >= 2 || undefined, 'the shown map on the wire')
      await new Promise((r) => setTimeout(r, 500))
      ws.terminate()
      expect(frames.some((f) => f.includes(Buffer.from('GEHEIM')))).toBe(false)
    } finally {
      anna.destroy()
    }
  })
})
