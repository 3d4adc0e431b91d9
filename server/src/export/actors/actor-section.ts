import { type EventExport, DEFAULT_AREA_NAMES, escapeMarkdownLine, escapeMarkdownText } from '@tischrunde/shared'
import { ACTOR_CHAPTER_TITLE, ACTOR_COLUMNS, type ActorTableInput, BODIES_HEADING, BODY_COLUMNS, BODY_TYPE_NAMES, actorChapterIntro, actorPlaceNames, actorsByArea, namedByColumn } from './actor-table.js'

/**
 * The actor table's input for the documentation from an export file (null when the event has no
 * actor map). Without the contact persons: they are personal data for the facilitators (the
 * actor table's own files carry them), and the documentation is passed around.
 */
export function actorTableInputOf(file: EventExport): ActorTableInput | null {
  const map = file.actors
  if (!map || map.actors.every((a) => a.hidden)) return null
  return {
    event: { id: file.event.id, title: file.event.title, date: file.event.date, place: file.event.place },
    actors: map.actors.map((a) => (a.person ? { ...a, person: '' } : a)),
    bodies: map.bodies,
    areaNames: new Map(map.areas.map((a) => [a.id, a.name])),
    tableNames: actorPlaceNames(file.event, map.actors),
  }
}

/**
 * The export file as the documentation's ZIP carries it: the actors' contact persons taken out
 * (the ZIP is passed around like the documentation; the console's "Sicherung (JSON)" and the actor
 * table's own files keep them for the facilitators).
 */
export function withoutContactPersons(file: EventExport): EventExport {
  const map = file.actors
  if (!map?.actors.some((a) => a.person || a.personFromCards)) return file
  return { ...file, actors: { ...map, actors: map.actors.map(({ personFromCards: _fromCards, ...a }) => (a.person ? { ...a, person: '' } : a)) } }
}

/**
 * A Markdown table cell: escaped as every other chapter's text (an actor's name is a card's words:
 * no tags, links or emphasis), its lines joined by `<br>` (a line break would end the table).
 */
const md = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => escapeMarkdownLine(line.trim()))
    .filter(Boolean)
    .join('<br>')
/** A heading's text: one line, escaped. */
const headingText = (text: string) => escapeMarkdownLine(text.replace(/\s*\n\s*/g, ' ').trim())

/**
 * The documentation's chapter "Wer kann helfen?" in Markdown: one table per area with the
 * alliance columns, then the existing bodies. Empty when the event has no actor map. A hook for
 * the whole documentation: the other formats can lay out the same `actorsByArea` rows.
 */
export function actorSectionMarkdown(file: EventExport): string {
  const input = actorTableInputOf(file)
  if (!input) return ''
  const mark = (b: boolean) => (b ? '☒' : '☐')
  const lines = [`## ${headingText(ACTOR_CHAPTER_TITLE)}`, '', escapeMarkdownText(actorChapterIntro(input)), '']
  for (const group of actorsByArea(input)) {
    if (group.rows.length === 0) continue
    lines.push(`### ${headingText(group.name || DEFAULT_AREA_NAMES[group.area])}`, '')
    const header = [ACTOR_COLUMNS.name, namedByColumn(input), ACTOR_COLUMNS.institution, ACTOR_COLUMNS.cooperation, ACTOR_COLUMNS.coreGroup, ACTOR_COLUMNS.forum, ACTOR_COLUMNS.notes]
    lines.push(`| ${header.map(md).join(' | ')} |`)
    lines.push('| --- | --- | --- | :-: | :-: | :-: | --- |')
    for (const r of group.rows) lines.push(`| ${md(r.name)}${r.namedAs ? ` (genannt als: ${md(r.namedAs)})` : ''} | ${md(r.tables)}${r.measureLines.length ? ` (${md(r.measureLines.join('; '))})` : ''} | ${md(r.institution)} | ${mark(r.cooperation)} | ${mark(r.coreGroup)} | ${mark(r.forum)} | ${md(r.notes)} |`)
    lines.push('')
  }
  if (input.bodies.length > 0) {
    lines.push(`### ${headingText(BODIES_HEADING)}`, '', `| ${Object.values(BODY_COLUMNS).map(md).join(' | ')} |`, '| --- | --- | --- | --- |')
    for (const b of input.bodies) lines.push(`| ${md(BODY_TYPE_NAMES[b.type])} | ${md(b.name)} | ${md(b.members)} | ${md(b.notes)} |`)
    lines.push('')
  }
  return lines.join('\n')
}
