import { describe, expect, it } from 'vitest'
import { actorIdOf, blankActor, mergeActors, refreshActorMap, splitActor, withPerson } from './actor-map.js'
import { actorKey, matchKnownActor, suggestMerges } from './normalize.js'
import { parseMeasureRefs, splitActorCard } from './split.js'
import { type FoundMention, actorColumns, asksForActorsTitle, mentionsOfBoard } from './mentions.js'
import { ACTORS_MAX, type ActorRule } from '../kinds/actors/actor-map.schema.js'
import { checkActorMapChanges } from '../kinds/actors/actors-kind.js'

/** Every card of the "Wer kann helfen?" columns of the Winnenden conference (seed 003), as written. */
const WINNENDEN: readonly [string, string[], string[]][] = [
  ['Geflüchtete 1-7, Wohlfahrtsverbände; freie + öffentliche Träger; religiöse Gemeinschaften, Ehrenamt, Bildungsträger, Bamf, RP, Jobcenter, Agentur f. Arbeit, Frauen + Männerverbände, Schulen, Kindergärten /-tagesstätten', [],
    ['migrantenorganisationen', 'wohlfahrtsverbaende', 'freie-traeger', 'religionsgemeinschaften', 'ehrenamt', 'bildungstraeger', 'bamf', 'regierungspraesidium', 'jobcenter', 'agentur-fuer-arbeit', 'frauen-maennerverbaende', 'schulen', 'kitas']],
  ['Kirchen', [], ['religionsgemeinschaften']],
  ['Schulen', [], ['schulen']],
  ['Kindertageseinrichtungen', [], ['kitas']],
  ['1. Die Landesregierung', [], ['landesregierung']],
  ['2. Der Landtag', [], ['landtag']],
  ['3. Der Kreistag', [], ['kreistag']],
  ['4. Der Gemeinderat', [], ['gemeinderat']],
  ['5. Für Ehrenamtliche: Flüchtlingsrat BW', [], ['fluechtlingsrat']],
  ['6. Flüchtlingsrat sollte auch für Hauptamtliche möglicherweise helfen dürfen.', [], ['fluechtlingsrat']],
  ['7. Gute und engagierte Rechtsanwälte', [], ['rechtsanwaelte']],
  ['8. Ausdauernde Ehrenamtliche mit Geduld, Empathie und Abgrenzungsfähigkeit', [], ['ehrenamt']],
  ['Arbeitgeber_innen, Berufsberatung, Jobcenter', [], ['unternehmen', 'agentur-fuer-arbeit', 'jobcenter']],
  ['Ausländerbehörde', [], ['auslaenderbehoerde']],
  ['Kammern', [], ['kammern']],
  ['Kümmerer-/Projektstellen', [], ['kuemmerer-projektstellen']],
  ['Ausbildungscampus Stuttgart, Welcome Center Stuttgart', [], ['ausbildungscampus', 'welcome-center']],
  ['Fachleute aus Beratungsstellen, Gesundheitsamt, Therapiezentren, Erlebnispädagogik', [], ['beratungsstellen', 'gesundheitsamt', 'therapiezentren', 'erlebnispaedagogik']],
  ['Dolmetscher_innen/Sprachmittler_innen', [], ['sprachmittler', 'sprachmittler']],
  ['Verwaltungsspitze', [], ['verwaltungsspitze']],
  ['Geflüchtete als Multiplikator_innen', [], ['migrantenorganisationen']],
  ['Vereine', [], ['vereine']],
  ['Sportmittler_innen', [], ['sportmittler']],
  ['Ehrenamtliche', [], ['ehrenamt']],
  ['Netzwerk ausbauen', [], ['netzwerk-ausbauen']],
  ['Anlaufstellen für Geduldete', [], ['anlaufstellen-fuer-geduldete']],
  ['Kontakte innerhalb der Behörden pflegen', [], ['behoerden']],
  ['Arbeitgeber_innen', [], ['unternehmen']],
  ['Bürgermeister_in, Stadtrat_in, Landrät_in', [], ['buergermeister', 'gemeinderat', 'landratsamt']],
  ['Kirchliche (Jugend-)Gruppen', [], ['religionsgemeinschaften']],
  ['Hilfetelefon 7/24 (0800 116016)', [], ['hilfetelefon-7-24-0800-116016']],
  ['Vereidigte Dolmetscher_innen', [], ['sprachmittler']],
  ['Behörden', [], ['behoerden']],
  ['Jugendamt', [], ['jugendamt']],
  ['Notunterkünfte', [], ['notunterkuenfte']],
  ['Zentrum für internationale Begegnung', [], ['zentrum-fuer-internationale-begegnung']],
  ['Öffentlichkeitsarbeit', [], ['oeffentlichkeitsarbeit']],
  ['Überregionale Vernetzung und Schaffung einer Austauschplattform im Internet:', ['Städtetag: Benjamin Lachat', 'Landkreistag: Dietmar J. Herdes/Daniel Werthwein', 'Gemeindetag: Annette Ries'], ['staedtetag', 'landkreistag', 'gemeindetag']],
  ['Kindergärten', [], ['kitas']],
  ['Flüchtlingsrat, Integrationsausschuss', [], ['fluechtlingsrat', 'integrationsausschuss']],
  ['Gemeinderat, Ortschaftsrat, Landrat, Kreistag', [], ['gemeinderat', 'ortschaftsrat', 'landratsamt', 'kreistag']],
  ['Diakonie/Caritas', [], ['diakonie', 'caritas']],
  ['AWO/DRK/Malteser', [], ['awo', 'drk', 'malteser']],
  ['Parteien', [], ['parteien']],
  ['Presse', [], ['presse']],
  ['Regierungspräsidium', [], ['regierungspraesidium']],
  ['Universitäten', [], ['hochschulen']],
  // A council of the migrants is not the council's committee (a walk of a Bremen day saw "Integrationsrat" shown as "Integrationsausschuss").
  ['Integrationsrat, Integrationsausschuss, Migrationsbeirat', [], ['integrationsrat', 'integrationsausschuss', 'integrationsrat']],
  ['Kommunale Integrationszentren', [], ['kommunales-integrationszentrum']],
]

/** Where a segment lands without hand rules: the known actor, else an actor of its own. */
function targetOf(text: string): string {
  return matchKnownActor(text)?.id ?? actorKey(text).replace(/ /g, '-')
}

describe('actors named on the Winnenden "Wer kann helfen?" cards', () => {
  it.each(WINNENDEN)('%s', (text, subPoints, expected) => {
    expect(splitActorCard(text, subPoints).map((s) => targetOf(s.text))).toEqual(expected)
  })

  it('reads "Geflüchtete 1-7" as the measures 1 to 7 of the table', () => {
    const [first] = splitActorCard(WINNENDEN[0]![0])
    expect(first).toMatchObject({ text: 'Geflüchtete', measures: [1, 2, 3, 4, 5, 6, 7] })
  })

  it('keeps the person after a colon apart from the actor (personal data)', () => {
    expect(splitActorCard('x:', ['Städtetag: Benjamin Lachat'])).toEqual([{ text: 'Städtetag', measures: [], person: 'Benjamin Lachat', activity: false }])
  })

  it('marks activities written as answers so they start hidden', () => {
    expect(splitActorCard('Netzwerk ausbauen')[0]!.activity).toBe(true)
    expect(splitActorCard('Öffentlichkeitsarbeit')[0]!.activity).toBe(true)
    expect(splitActorCard('Jobcenter')[0]!.activity).toBe(false)
  })

  it('takes a label card ("Behilfliche Akteur*innen:", the cards after it name the actors) for no actor', () => {
    expect(splitActorCard('Behilfliche Akteur*innen:')).toEqual([])
    expect(splitActorCard('Behilfliche Akteur*innen:', ['Jobcenter']).map((s) => s.text)).toEqual(['Jobcenter'])
  })

  it('drops a list heading before the actors ("Behilfliche Akteur*innen: …")', () => {
    expect(splitActorCard('Behilfliche Akteur*innen: Bamf, Schulen 2, 4').map((s) => [s.text, s.measures])).toEqual([['Bamf', []], ['Schulen', [2, 4]]])
  })
})

describe('measure references', () => {
  it.each([
    ['1-7', [1, 2, 3, 4, 5, 6, 7]],
    ['1, 4 + 6', [1, 4, 6]],
    ['2–3', [2, 3]],
    ['1-400', []],
    ['7-3', []],
  ])('%s', (ref, expected) => expect(parseMeasureRefs(ref)).toEqual(expected))
})

describe('normalisation', () => {
  it.each([
    ['BAMF', 'bamf'],
    ['Bundesamt für Migration und Flüchtlinge', 'bamf'],
    ['Arbeitsagentur', 'agentur-fuer-arbeit'],
    ['Agentur f. Arbeit', 'agentur-fuer-arbeit'],
    ['Kindergärten /-tagesstätten', 'kitas'],
    ['KiTas', 'kitas'],
    ['Die Jobcenter', 'jobcenter'],
    ['Migrant*innenorganisationen', 'migrantenorganisationen'],
    ['Landratsamt', 'landratsamt'],
    ['Wohlfahrtsverband', 'wohlfahrtsverbaende'],
  ])('%s is %s', (text, id) => expect(matchKnownActor(text)?.id).toBe(id))

  it('leaves unknown names alone and keys ignore case, umlauts and gender endings', () => {
    expect(matchKnownActor('Zentrum für internationale Begegnung')).toBeNull()
    expect(actorKey('Die Sportmittler_innen')).toBe(actorKey('sportmittler'))
  })

  it('suggests look-alike names, never unrelated ones', () => {
    const suggestions = suggestMerges([
      { id: 'a', name: 'Kümmerer-/Projektstellen' },
      { id: 'b', name: 'Kümmererstellen' },
      { id: 'c', name: 'Presse' },
    ])
    expect(suggestions.map((s) => [s.a, s.b])).toEqual([['a', 'b']])
  })
})

const mention = (tableId: string, text: string): FoundMention => ({ tableId, cardId: 'card-0001', text, key: actorKey(text), measures: [], activity: false })

describe('the map: refresh, merge, split', () => {
  it('counts the same actor once across tables and spellings', () => {
    const change = refreshActorMap([mention('t1', 'Bamf'), mention('t2', 'BAMF'), mention('t2', 'Sportmittler_innen')], new Map(), new Map())
    expect(change.put.map((a) => [a.id, a.area, a.mentions.map((m) => m.tableId)])).toEqual([
      ['bamf', 'migration', ['t1', 't2']],
      [actorIdOf('sportmittler'), 'offen', ['t2']],
    ])
  })

  it('keeps hand decisions and alliance columns when the boards are read again', () => {
    const first = refreshActorMap([mention('t1', 'Sportmittler'), mention('t1', 'Vereine')], new Map(), new Map())
    const current = new Map(first.put.map((a) => [a.id, a]))
    const sportId = actorIdOf('sportmittler')
    const sport = current.get(sportId)!
    current.set(sportId, { ...sport, name: 'Sportmittler*innen', area: 'soziales', hand: { name: true, area: true }, coreGroup: true })
    const merge = mergeActors(current.get('vereine')!, current.get(sportId)!, new Map())
    for (const id of merge.remove) current.delete(id)
    for (const a of merge.put) current.set(a.id, a)
    const rules = new Map<string, ActorRule>(merge.rules.map((r) => [r.key, r]))
    const again = refreshActorMap([mention('t1', 'Sportmittler'), mention('t2', 'Vereine')], current, rules)
    const vereine = again.put.find((a) => a.id === 'vereine')!
    expect(vereine.mentions.map((m) => m.text)).toEqual(['Sportmittler', 'Vereine'])
    expect(vereine.coreGroup).toBe(true)
    expect(again.put.some((a) => a.id === sportId)).toBe(false)
  })

  it('drops an actor no card names any more unless someone worked on it', () => {
    const current = new Map([
      ['gone', { ...blankActor('gone', 'Gone', 'offen'), keys: ['gone'], mentions: [mention('t1', 'gone')] }],
      ['kept', { ...blankActor('kept', 'Kept', 'offen'), notes: 'ruft zurück', keys: ['kept'], mentions: [mention('t1', 'kept')] }],
    ])
    const change = refreshActorMap([], current, new Map())
    expect(change.remove).toEqual(['gone'])
    expect(change.put.map((a) => [a.id, a.mentions.length])).toEqual([['kept', 0]])
  })

  it('lets a contact person taken from a card go with the card; one typed by hand stays', () => {
    const named = { ...mention('t1', 'Städtetag'), person: 'Benjamin Lachat' }
    const first = refreshActorMap([named], new Map(), new Map())
    expect(first.put[0]!.person).toBe('Benjamin Lachat')
    const taken = first.put[0]!
    // The card is gone: an actor with nothing but the taken person goes.
    expect(refreshActorMap([], new Map([[taken.id, taken]]), new Map()).remove).toEqual([taken.id])
    // Ticked by hand, it stays, without the taken person.
    const ticked = { ...taken, coreGroup: true }
    expect(refreshActorMap([], new Map([[taken.id, ticked]]), new Map()).put).toMatchObject([{ id: taken.id, person: '', mentions: [], coreGroup: true }])
    // A person typed by hand stays, with or without a card.
    const typed = withPerson(taken, 'Frau Beispiel')
    expect(refreshActorMap([], new Map([[taken.id, typed]]), new Map()).put).toMatchObject([{ person: 'Frau Beispiel', mentions: [] }])
    expect(refreshActorMap([named], new Map([[taken.id, typed]]), new Map()).put).toEqual([])
    // Emptied by hand, the cards' person comes back.
    expect(refreshActorMap([named], new Map([[taken.id, withPerson(typed, '')]]), new Map()).put).toMatchObject([{ person: 'Benjamin Lachat', personFromCards: true }])
    // A person stored before the cards' persons were marked counts as typed: it stays.
    const stored = { ...taken, personFromCards: undefined, person: 'Frau Kaya, Teamleitung' }
    expect(refreshActorMap([], new Map([[taken.id, stored]]), new Map()).put).toMatchObject([{ person: 'Frau Kaya, Teamleitung', mentions: [] }])
  })

  it('makes ids that carry none of the words written (a Yjs map keeps a deleted key for ever), the same for the same name', () => {
    const change = refreshActorMap([mention('t1', 'Familie Yilmaz aus Zimmer 12'), mention('t2', 'familie yilmaz aus zimmer 12')], new Map(), new Map())
    expect(change.put).toHaveLength(1)
    expect(change.put[0]!.id).toMatch(/^n[0-9a-f]{14}$/)
    expect(change.put[0]!.id).toBe(actorIdOf(actorKey('Familie Yilmaz aus Zimmer 12')))
    expect(actorIdOf('familie yilmaz')).not.toBe(actorIdOf('familie yilmas'))
  })

  it('keeps an actor under the id an earlier version made of its words, with its hand work', () => {
    const key = actorKey('Sportmittler')
    const old = { ...refreshActorMap([mention('t1', 'Sportmittler')], new Map(), new Map()).put[0]!, id: 'sportmittler', coreGroup: true }
    const again = refreshActorMap([mention('t1', 'Sportmittler'), mention('t2', 'Sportmittler')], new Map([[old.id, old]]), new Map())
    expect(again.remove).toEqual([])
    expect(again.put.map((a) => [a.id, a.coreGroup, a.keys, a.mentions.map((m) => m.tableId)])).toEqual([['sportmittler', true, [key], ['t1', 't2']]])
    // Also one kept without cards for its hand work, or made by hand then (no names of the cards on it).
    for (const bare of [{ ...old, keys: [], mentions: [] }, { ...blankActor('sportmittler', 'Sportmittler', 'soziales'), hand: { created: true, name: true } }]) {
      const named = refreshActorMap([mention('t2', 'Sportmittler')], new Map([[bare.id, bare]]), new Map())
      expect(named.put.map((a) => [a.id, a.keys])).toEqual([['sportmittler', [key]]])
    }
  })

  it('splits one written name out of an actor, and the split holds on refresh', () => {
    const first = refreshActorMap([mention('t1', 'Berufsberatung'), mention('t1', 'Arbeitsagentur')], new Map(), new Map())
    const afa = first.put[0]!
    const split = splitActor(afa, actorKey('Berufsberatung'), new Set([afa.id]))!
    expect(split.put.map((a) => [a.id, a.mentions.map((m) => m.text)])).toEqual([
      ['agentur-fuer-arbeit', ['Arbeitsagentur']],
      [actorIdOf('berufsberatung'), ['Berufsberatung']],
    ])
    const current = new Map(split.put.map((a) => [a.id, a]))
    const again = refreshActorMap([mention('t1', 'Berufsberatung'), mention('t1', 'Arbeitsagentur')], current, new Map(split.rules.map((r) => [r.key, r])))
    expect(again.put).toEqual([])
  })

  /** Distinct names: "aa", "ab", … (digits are not part of an actor's key). */
  const letters = (i: number) => String.fromCharCode(97 + Math.floor(i / 26) % 26, 97 + (i % 26))
  it('follows the cards for every actor of a full map, and leaves out only new names that do not fit', () => {
    const names = Array.from({ length: ACTORS_MAX }, (_, i) => `Brueckenbauer ${letters(i)}`)
    // One of them is named at two tables; its card at t2 is then hidden by the moderation.
    const before = [...names.map((n) => mention('t1', n)), mention('t2', `Brueckenbauer ${letters(5)}`)]
    const full = new Map(refreshActorMap(before, new Map(), new Map()).put.map((a) => [a.id, a]))
    expect(full.size).toBe(ACTORS_MAX)
    const change = refreshActorMap([mention('t3', 'Quartiersmanagement'), ...names.map((n) => mention('t1', n))], full, new Map())
    expect(change.put.map((a) => [a.name, a.mentions.map((m) => m.tableId)])).toEqual([[`Brueckenbauer ${letters(5)}`, ['t1']]])
    expect(change.remove).toEqual([])
  })

  it('adds a new name to a map with room, however many of its actors changed on the same refresh', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Brueckenbauer ${letters(i)}`)
    const current = new Map(refreshActorMap(names.map((n) => mention('t1', n)), new Map(), new Map()).put.map((a) => [a.id, a]))
    const more = [...names.map((n) => mention('t1', n)), ...names.slice(0, 100).map((n) => mention('t2', n)), mention('t3', 'Quartiersmanagement')]
    const change = refreshActorMap(more, current, new Map())
    expect(change.put).toHaveLength(101)
    expect(change.put.some((a) => a.name === 'Quartiersmanagement')).toBe(true)
  })

  it('lets only facilitators write the map (a table host is trusted with its table only)', () => {
    const change = [{ root: 'actors', key: 'x', before: undefined, after: {} }]
    expect(checkActorMapChanges('participant', change, () => 1)).toBe('READ_ONLY')
    expect(checkActorMapChanges('projector', change, () => 1)).toBe('READ_ONLY')
    expect(checkActorMapChanges('host', change, () => 1)).toBe('READ_ONLY')
    expect(checkActorMapChanges('facilitator', change, () => 1)).toBeNull()
    expect(checkActorMapChanges('facilitator', change, () => 401)).toBe('TOO_MANY_CARDS')
  })
})

describe('which columns name actors', () => {
  const template = {
    method: 'world-cafe' as const,
    stations: [
      { id: 'station-3', title: 'Station 3', prompt: '', columns: [{ id: 'aendern', title: 'Was können wir ändern?' }, { id: 'wer-hilft', title: 'Wer kann helfen?' }] },
      { id: 'station-4', title: 'Station 4', prompt: '', columns: [{ id: 'partner', title: 'Mit wem?' }] },
    ],
  }
  const card = (id: string, stationId: string, columnId: string, text: string) => ({ id, stationId, columnId, text, subPoints: [], authorId: 'author01', createdAt: 1, position: 1 })

  it('reads the columns asking "Wer kann helfen?" and those the facilitator chose', () => {
    const cards = [card('card0001', 'station-3', 'wer-hilft', 'Jobcenter 2'), card('card0002', 'station-3', 'aendern', '2. Sprachkurse ausbauen'), card('card0003', 'station-4', 'partner', 'Kirchen')]
    expect(mentionsOfBoard('t1', cards, template as never).map((m) => [m.text, m.measures])).toEqual([['Jobcenter', [{ n: 2, text: 'Sprachkurse ausbauen' }]]])
    const chosen = new Map([['station-4/partner', true], ['station-3/wer-hilft', false]])
    expect(actorColumns(template as never, chosen)).toEqual(new Set(['station-4/partner']))
    expect(mentionsOfBoard('t1', cards, template as never, chosen).map((m) => m.text)).toEqual(['Kirchen'])
  })

  it('reads English titles too ("Who can help?", "Actors"), as an English console sets a café up', () => {
    expect(['Who can help?', 'Who helps?', 'Who could support us?', 'Actors', 'Key stakeholders', 'Wer kann helfen?', 'Behilfliche Akteur*innen'].filter(asksForActorsTitle)).toHaveLength(7)
    expect(['What do we do?', 'Goals', 'What works well?', 'Factors', 'Was läuft gut?'].filter(asksForActorsTitle)).toEqual([])
  })
})
