import { strFromU8, unzipSync } from 'fflate'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTORS_ROOT, ACTOR_RULES_ROOT, type ActorRecord, type EventExport, actorIdOf, actorMapShownDocName, mergeActors, tablesOf } from '@tischrunde/shared'
import { winnendenEvent } from '@tischrunde/fixtures'
import { api, join, tokenOfLink } from '../../test/helpers/api.js'
import { connectDoc } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'
import { shownKeys } from './actor-map-shown.js'
import { actorMapDocName } from './build-actor-map.js'
import { importActorMap } from './actor-map-transfer.js'
import { command } from '../../test/helpers/command.js'
import { upgradeStatus } from '../../test/helpers/workshop-day.js'

const actorsOf = (doc: Y.Doc) => new Map([...doc.getMap<ActorRecord>(ACTORS_ROOT).entries()])

describe('the actor map of the Winnenden conference', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let eventId: string
  let facilitatorToken: string
  let phone: { token: string }
  let projectorToken: string
  let hostToken: string

  beforeAll(async () => {
    data = await tempDataDir('actor-map')
    running = await startServer(data.dir)
    const imported = await api<{ id: string; links: { facilitator: string; projector: string; hosts: Record<string, string> } }>(running.url, '/api/events/import', { body: winnendenEvent(), token: running.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    hostToken = tokenOfLink(Object.values(imported.body.links.hosts)[0]!)
    eventId = imported.body.id
    facilitatorToken = tokenOfLink(imported.body.links.facilitator)
    projectorToken = tokenOfLink(imported.body.links.projector)
    const stored = running.server.events.current(eventId) ?? (await running.server.events.get(eventId))
    phone = await join(running.url, stored!.joinCode)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })
  /** The id of an actor the cards named that no list knows: made from its comparison key. */
  const kuemmerer = actorIdOf('kuemmerer projektstellen')
  const unternehmen = 'unternehmen' // on the list of known actors: a readable id
  /** The key (and id) an actor has in the shown map. */
  const shownId = (id: string) => shownKeys(running.server.credentials, eventId)(ACTORS_ROOT, id)

  it('is built from all eleven tables: each actor once, in its area, with the tables that named it', async () => {
    const reader = connectDoc(running.url, actorMapShownDocName(eventId), phone.token)
    try {
      await reader.synced()
      await waitFor(() => actorsOf(reader.doc).size > 30, 'the actor map on a phone')
      const actors = actorsOf(reader.doc)
      const byName = (name: string) => [...actors.values()].filter((a) => a.name === name)
      const expected: [string, string][] = [
        ['Jobcenter', 'arbeit'],
        ['Agentur für Arbeit', 'arbeit'],
        ['BAMF', 'migration'],
        ['Ehrenamt', 'soziales'],
        ['Wohlfahrtsverbände', 'soziales'],
        ['Schulen', 'bildung'],
        ['Kitas', 'bildung'],
        ['Migrantenorganisationen', 'migration'],
      ]
      for (const [name, area] of expected) {
        expect(byName(name), name).toHaveLength(1)
        expect(byName(name)[0]!.area, name).toBe(area)
      }
      // The sheets' own labels ("Behilfliche Akteur*innen:") are headings, not actors.
      expect([...actors.values()].map((a) => a.name).filter((name) => /akteur|:\s*$/i.test(name))).toEqual([])
      expect(tablesOf(byName('Kitas')[0]!).sort()).toEqual(['frauen-kinderbetreuung-sprache', 'gesundheit-psychosoziale-beratung', 'verstetigung-intman-nachhaltigkeit'])
      expect(tablesOf(byName('Ehrenamt')[0]!)).toHaveLength(5)
      const refugees = byName('Migrantenorganisationen')[0]!.mentions.find((m) => m.text === 'Geflüchtete')!
      expect(refugees.measures.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(refugees.measures[0]!.text).toBe('Bestehende Angebote kennenlernen & vernetzen')
      // Every actor under a pseudonym, never under its id (made of a card's words, kept by Yjs for ever once written).
      expect([...actors.keys()].filter((key) => !/^p[0-9a-f]{24}$/.test(key))).toEqual([])
      expect([...actors].filter(([key, a]) => a.id !== key)).toEqual([])
      // A phone only reads: its write is refused.
      reader.doc.getMap(ACTORS_ROOT).set(shownId('jobcenter'), { ...actors.get(shownId('jobcenter'))!, notes: 'vom Handy' })
      await waitFor(() => reader.refusals.length > 0 || reader.closeCodes.length > 0, 'the refusal')
    } finally {
      reader.destroy()
    }
  })

  it('shows phones, projectors and table hosts no contact person, institution, notes or hidden actor: they open only the shown copy, which follows every edit without them', async () => {
    // The copy the organisers edit stays closed to them (a table's host is trusted with its table, not the event's map).
    for (const token of [phone.token, projectorToken, hostToken]) expect(await upgradeStatus(running.url, actorMapDocName(eventId), token)).toBe(403)
    expect(await upgradeStatus(running.url, actorMapShownDocName(eventId), hostToken)).toBe(101)
    const console_ = connectDoc(running.url, actorMapDocName(eventId), facilitatorToken)
    const shown = connectDoc(running.url, actorMapShownDocName(eventId), projectorToken)
    try {
      await Promise.all([console_.synced(), shown.synced()])
      await waitFor(() => actorsOf(shown.doc).has(shownId('jobcenter')) || undefined, 'the shown map')
      const jobcenter = actorsOf(console_.doc).get('jobcenter')!
      console_.doc.getMap(ACTORS_ROOT).set('jobcenter', { ...jobcenter, person: 'Frau Erika Mustermann, 0171 2345678', institution: 'Landratsamt, Zimmer 12', notes: 'INTERN: Konflikt mit dem Bürgermeister', coreGroup: true })
      await console_.saved()
      await waitFor(() => actorsOf(shown.doc).get(shownId('jobcenter'))?.coreGroup || undefined, 'the edit on the projector')
      expect(actorsOf(shown.doc).get(shownId('jobcenter'))).toMatchObject({ name: jobcenter.name, coreGroup: true, notes: '', person: '', institution: '' })
      expect([...actorsOf(shown.doc).values()].every((a) => a.person === '' && a.notes === '' && a.institution === '')).toBe(true)
      for (const secret of ['Mustermann', 'Zimmer 12', 'INTERN: Konflikt']) expect(Buffer.from(Y.encodeStateAsUpdate(shown.doc)).includes(Buffer.from(secret)), secret).toBe(false)
      // An actor the organisers hide leaves the shown map, and comes back when shown again.
      const other = [...actorsOf(console_.doc).values()].find((a) => a.id !== 'jobcenter' && !a.hidden)!
      console_.doc.getMap(ACTORS_ROOT).set(other.id, { ...other, hidden: true })
      await console_.saved()
      await waitFor(() => !actorsOf(shown.doc).has(shownId(other.id)) || undefined, 'the hidden actor gone from the projector')
      console_.doc.getMap(ACTORS_ROOT).set(other.id, { ...other, hidden: false })
      await console_.saved()
      await waitFor(() => actorsOf(shown.doc).has(shownId(other.id)) || undefined, 'the actor shown again')
      // An actor removed in the console leaves the shown map too.
      console_.doc.getMap(ACTORS_ROOT).delete('jobcenter')
      await console_.saved()
      await waitFor(() => !actorsOf(shown.doc).has(shownId('jobcenter')) || undefined, 'the removal on the projector')
      console_.doc.getMap(ACTORS_ROOT).set('jobcenter', { ...jobcenter })
      await console_.saved()
    } finally {
      console_.destroy()
      shown.destroy()
    }
  })

  it('keeps a merge and a tick by the facilitator when the cards are read again; a participant may not refresh', async () => {
    const console_ = connectDoc(running.url, actorMapDocName(eventId), facilitatorToken)
    try {
      await console_.synced()
      await waitFor(() => actorsOf(console_.doc).has(kuemmerer), 'the map on the console')
      const actors = actorsOf(console_.doc)
      const change = mergeActors({ ...actors.get(unternehmen)!, coreGroup: true }, actors.get(kuemmerer)!, new Map())
      console_.doc.transact(() => {
        for (const id of change.remove) console_.doc.getMap(ACTORS_ROOT).delete(id)
        for (const a of change.put) console_.doc.getMap(ACTORS_ROOT).set(a.id, a)
        for (const r of change.rules) console_.doc.getMap(ACTOR_RULES_ROOT).set(r.key, r)
      })
      await console_.saved()
      expect(console_.closeCodes).toEqual([])
      expect(await command(running.url, phone.token, 'actors:refresh', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await command(running.url, facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      await console_.saved()
      const after = actorsOf(console_.doc)
      expect(after.has(kuemmerer)).toBe(false)
      expect(after.get(unternehmen)).toMatchObject({ coreGroup: true })
      expect(after.get(unternehmen)!.mentions.map((m) => m.text)).toContain('Kümmerer-/Projektstellen')
    } finally {
      console_.destroy()
    }
  })

  it('travels with the event: the JSON export carries it, an import keeps merge and tick; the documentation has its chapter', async () => {
    const get = (path: string, token: string) => fetch(`${running.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } })
    const exported = (await (await get(`/events/${eventId}/export?format=json`, facilitatorToken)).json()) as EventExport
    expect(exported.actors?.rules.map((r) => r.actorId)).toContain(unternehmen)
    const imported = await api<{ id: string; links: { facilitator: string; projector: string } }>(running.url, '/api/events/import', { body: exported, token: running.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    const copy = await running.server.transfer.exportEvent((await running.server.events.get(imported.body.id))!)
    const actors = new Map(copy.actors!.actors.map((a) => [a.id, a]))
    expect(actors.get(unternehmen)).toMatchObject({ coreGroup: true })
    expect(actors.has(kuemmerer)).toBe(false)
    expect(actors.get('jobcenter')!.mentions.map((m) => m.tableId).sort()).toEqual(['arbeitsmarktintegration', 'frauen-kinderbetreuung-sprache'])

    const markdown = await (await get(`/events/${eventId}/export?format=md`, facilitatorToken)).text()
    expect(markdown).toContain('## Wer kann helfen? Akteure für ein lokales Bündnis')
    const docx = unzipSync(new Uint8Array(await (await get(`/events/${eventId}/export?format=docx`, facilitatorToken)).arrayBuffer()))
    // The text of the Word document: long words are split by optional hyphens (<w:softHyphen/>) between runs of text.
    const xml = strFromU8(docx['word/document.xml']!).replace(/<[^>]+>/g, '')
    expect(xml).toContain('Wer kann helfen? Akteure für ein lokales Bündnis')
    expect(xml).toContain('Kerngruppe geplant')
    expect(markdown).toMatch(/\| Unternehmen und Arbeitgeber( \(genannt als: [^|]+\))? \| [^|]+ \| {2}\| ☐ \| ☒ \| ☐ \|/)
  }, 60_000)

  it('is built by the seed of the demo event, and a reset restores it', async () => {
    const { stored } = await running.server.transfer.seed(winnendenEvent(), { reset: false, now: Date.now() })
    const first = await running.server.transfer.exportEvent(stored)
    const names = first.actors!.actors.map((a) => a.name)
    for (const name of ['Jobcenter', 'Agentur für Arbeit', 'BAMF', 'Ehrenamt', 'Wohlfahrtsverbände', 'Schulen', 'Kitas', 'Migrantenorganisationen']) expect(names.filter((n) => n === name), name).toHaveLength(1)
    await importActorMap(running.server.rooms, stored.event.id, { ...first.actors!, actors: first.actors!.actors.map((a) => (a.id === 'bamf' ? { ...a, notes: 'Außenstelle' } : a)) })
    const { stored: again } = await running.server.transfer.seed(winnendenEvent(), { reset: true, now: Date.now() })
    expect((await running.server.transfer.exportEvent(again)).actors!.actors.find((a) => a.id === 'bamf')!.notes).toBe('')
  })

  it('downloads as DOCX, XLSX and CSV for the facilitator only', async () => {
    const get = (path: string, token: string) => fetch(`${running.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } })
    const docx = await get(`/events/${eventId}/actors.docx`, facilitatorToken)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toContain('Winnenden')
    expect((await docx.arrayBuffer()).byteLength).toBeGreaterThan(5000)
    expect((await get(`/events/${eventId}/actors.xlsx`, facilitatorToken)).status).toBe(200)
    expect(await (await get(`/events/${eventId}/actors.csv`, facilitatorToken)).text()).toContain('Kerngruppe geplant')
    expect((await get(`/events/${eventId}/actors.pdf`, facilitatorToken)).status).toBe(400)
    expect([401, 403]).toContain((await get(`/events/${eventId}/actors.docx`, phone.token)).status)
    expect((await get(`/events/${eventId}/actors.docx`, 'nonsense')).status).toBe(401)
  })
})
