import type { AgendaItem } from '../event/event.schema.js'
import { type Programme, type ProgrammeItem, type ProgrammeItemKind, PROGRAMME_ITEMS_MAX, minuteOf, programmeSchema, timeOf } from './programme.schema.js'

/*
 * The programme is the one model of the day. The event's older "Tagesprogramm" (agenda: a time, a
 * title and a detail per line) is a view of it: written from the programme whenever the programme
 * is saved, and, for events that only have an agenda (event files from before the programme), the
 * programme is read from the agenda until a facilitator saves one.
 */

/** How long the last line of an agenda runs, in minutes: an agenda knows only when items start. */
export const AGENDA_LAST_ITEM_MINUTES = 30
/** A line whose successor starts at the same minute (or earlier) still runs this long, in minutes. */
const AGENDA_MIN_MINUTES = 5

/** The agenda lines of a programme: one per item, in the order of the day (planned times, before shifts). */
export function agendaOf(programme: Programme): AgendaItem[] {
  return [...programme.items]
    .sort((a, b) => minuteOf(a.start) - minuteOf(b.start))
    .map((item) => ({ time: item.start, title: `${item.title}${item.subtitle ? `: ${item.subtitle}` : ''}`.slice(0, 200), detail: agendaDetail(item) }))
}

function agendaDetail(item: ProgrammeItem): string {
  const text = item.workshops.length > 0 ? `Workshops ${item.workshops.map((w) => w.number).join(', ')}` : plenaryDetail(item, (room) => room)
  return text.slice(0, 600)
}

/**
 * What an agenda line says of a plenary item or a break: where and with whom (room · speakers), then
 * its description on a line of its own. A description never hides the speakers or the room.
 */
export function plenaryDetail(item: Pick<ProgrammeItem, 'room' | 'people' | 'description'>, roomText: (room: string) => string): string {
  const where = [item.room ? roomText(item.room) : '', item.people.join('; ')].filter(Boolean).join(' · ')
  return [where, item.description].filter(Boolean).join('\n')
}

/** Words that make an agenda line a break rather than a plenary item. */
const BREAK_WORDS = /\b(pause|mittag|mittagessen|kaffee|imbiss|break|lunch)/i

/**
 * The programme of an event that only has an agenda (its old files): each line an item that runs
 * until the next line starts (the last one AGENDA_LAST_ITEM_MINUTES); breaks named as such.
 * Null when the agenda is empty.
 */
export function programmeFromAgenda(agenda: readonly AgendaItem[], date: string | null): Programme | null {
  if (agenda.length === 0) return null
  const lines = [...agenda].sort((a, b) => minuteOf(a.time) - minuteOf(b.time)).slice(0, PROGRAMME_ITEMS_MAX)
  const ids = new Set<string>()
  const items = lines.map((line, i) => {
    const start = minuteOf(line.time)
    const following = lines.slice(i + 1).find((l) => minuteOf(l.time) > start)
    const end = Math.min(1439, Math.max(start + AGENDA_MIN_MINUTES, following ? minuteOf(following.time) : start + AGENDA_LAST_ITEM_MINUTES))
    const kind: ProgrammeItemKind = BREAK_WORDS.test(line.title) ? 'break' : 'plenary'
    return { id: uniqueId(slugOf(line.title) || 'punkt', ids), kind, title: line.title, description: line.detail, start: timeOf(start), end: timeOf(Math.max(end, start + 1)) }
  })
  // A line at 23:59 cannot run a minute: it is left out rather than the whole programme refused.
  const parsed = programmeSchema.safeParse({ date, items: items.filter((item) => minuteOf(item.end) > minuteOf(item.start)) })
  return parsed.success ? parsed.data : null
}

/** A slug id of a title ("Begrüßung und Einführung" → "begruessung-und-einfuehrung"), at most 40 characters. */
function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = /^[a-z0-9]/.test(base) ? base : `p-${base}`
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  taken.add(id)
  return id
}
