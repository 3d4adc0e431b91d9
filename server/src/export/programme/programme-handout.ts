import { type Programme, type Roster, type Workshop, clockText, isFull, neutraliseCell, roomNamesItself, schedule } from '@tischrunde/shared'

/** The German words of the programme's files (the handout is printed for German events). */
export const PROGRAMME_WORDS = {
  programme: 'Programm',
  time: (start: string, end: string) => `${start} – ${end} Uhr`,
  workshop: (n: number) => `Workshop ${n}`,
  room: (room: string) => (roomNamesItself(room) ? room : `Raum ${room}`),
  with: 'Mit',
  counts: 'Anmeldestand',
  lists: 'Anmeldelisten',
  empty: 'Noch kein Programm eingetragen.',
  unlimited: 'unbegrenzt',
  closed: 'geschlossen',
  countsHeader: ['Arbeitsphase', 'Zeit', 'Nr.', 'Workshop', 'Raum', 'Plätze', 'Angemeldet', 'Anmeldung'],
  listsHeader: ['Arbeitsphase', 'Nr.', 'Workshop', 'Raum', 'Lfd. Nr.', 'Name', 'Eingetragen von'],
  self: 'selbst',
  organiser: 'Moderation',
  /** A seat taken by someone who gave no name (the list is printed for the room: the row is not left blank). */
  unnamed: '(ohne Namen)',
  nobody: '(niemand angemeldet)',
  open: 'offen',
  full: 'ausgebucht',
  over: (n: number) => `überbucht (${n} zu viel)`,
  page: (n: number, total: number) => `Seite ${n} von ${total}`,
} as const

/** A workshop's sign-up as the console marks it: closed, overbooked, full or open. */
function signUpState(w: Workshop, taken: number): string {
  if (w.closed) return PROGRAMME_WORDS.closed
  if (w.capacity !== null && taken > w.capacity) return PROGRAMME_WORDS.over(taken - w.capacity)
  return isFull(w, taken) ? PROGRAMME_WORDS.full : PROGRAMME_WORDS.open
}

/** The event as the handout's head names it. */
export interface HandoutEvent {
  id: string
  title: string
  date: string
  place: string
}

/** One item of the handout, with its shifted times as printed. */
export interface HandoutItem {
  time: string
  title: string
  subtitle: string
  room: string
  people: string[]
  description: string
  workshops: { heading: string; subtitle: string; room: string; speakers: string[]; description: string }[]
}

/** The programme as the handout prints it: times after shifts, workshops with their numbers. */
export function handoutItems(programme: Programme | null): HandoutItem[] {
  if (!programme) return []
  return schedule(programme).map(({ item, start, end }) => ({
    time: PROGRAMME_WORDS.time(clockText(start), clockText(end)),
    title: item.title,
    subtitle: item.subtitle,
    room: item.room,
    people: item.people,
    description: item.description,
    workshops: item.workshops.map((w) => ({ heading: `${PROGRAMME_WORDS.workshop(w.number)}: ${w.title}`, subtitle: w.subtitle, room: w.room, speakers: w.speakers, description: w.description })),
  }))
}

/** Rows of the counts per workshop (header first), every cell neutralised against formulas. */
export function countsRows(programme: Programme | null, counts: Readonly<Record<string, number>>): string[][] {
  const rows: string[][] = [[...PROGRAMME_WORDS.countsHeader]]
  for (const { item, start, end } of programme ? schedule(programme) : []) {
    for (const w of item.workshops) {
      const taken = Object.hasOwn(counts, w.id) ? counts[w.id]! : 0
      rows.push([item.title, `${clockText(start)}–${clockText(end)}`, String(w.number), w.title, w.room, w.capacity === null ? PROGRAMME_WORDS.unlimited : String(w.capacity), String(taken), signUpState(w, taken)])
    }
  }
  return rows.map((r) => r.map(neutraliseCell))
}

/**
 * Rows of the sign-up lists per workshop (header first): one row per person, with the display name
 * where one was given, else "(ohne Namen)" (no ids, no codes: the lists are printed for the rooms).
 */
export function listRows(programme: Programme | null, roster: Roster): string[][] {
  const rows: string[][] = [[...PROGRAMME_WORDS.listsHeader]]
  for (const item of programme?.items ?? []) {
    for (const w of item.workshops) {
      const people = Object.hasOwn(roster, w.id) ? [...roster[w.id]!] : []
      // Named people first, alphabetically; then those without a name.
      people.sort((a, b) => (a.displayName === '' ? 1 : 0) - (b.displayName === '' ? 1 : 0) || a.displayName.localeCompare(b.displayName, 'de'))
      people.forEach((p, i) => rows.push([item.title, String(w.number), w.title, w.room, String(i + 1), p.displayName || PROGRAMME_WORDS.unnamed, p.by === 'self' ? PROGRAMME_WORDS.self : PROGRAMME_WORDS.organiser]))
      // A workshop nobody chose keeps its row: the door lists are printed per room, and a room
      // without a sheet looks forgotten, not empty.
      if (people.length === 0) rows.push([item.title, String(w.number), w.title, w.room, '', PROGRAMME_WORDS.nobody, ''])
    }
  }
  return rows.map((r) => r.map(neutraliseCell))
}
