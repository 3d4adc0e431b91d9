import { describe, expect, it } from 'vitest'
import type { EventExport } from '@tischrunde/shared'
import { winnendenActorRecords, winnendenEvent } from '@tischrunde/fixtures'
import { renderEvent } from '../export-service.js'
import { markdown } from '../read-back.js'

/** Words typed into a "Wer kann helfen?" column or the actor map that would be markup if taken as such. */
const IMG = '<img src=x onerror=alert(1)>'
const LINK = '[Jobcenter](https://evil.example/)'
const STRONG = '**fett** _schräg_'
const SCRIPT = '<script>alert(1)</script>'
const PLACE = '<a href="https://evil.example/">Sprache</a>'

/** Winnenden with its actor map, hostile text in every cell the chapter writes: names, "genannt als", places, notes, areas, bodies. */
function winnendenWithHostileActors(): EventExport {
  const file = winnendenEvent()
  const tables = file.event.tables.map((t, i) => (i === 0 ? { ...t, name: PLACE } : t))
  const event = { ...file.event, tables }
  const actors = winnendenActorRecords({ ...file, event }).map((a) =>
    a.id === 'jobcenter'
      ? { ...a, name: IMG, mentions: a.mentions.map((m) => ({ ...m, text: LINK })), institution: STRONG, notes: `Erste Zeile\n${SCRIPT}` }
      : a,
  )
  expect(actors.some((a) => a.name === IMG)).toBe(true)
  return {
    ...file,
    event,
    actors: {
      actors,
      rules: [],
      bodies: [{ id: 'body-0001', type: 'arbeitskreis', name: IMG, members: LINK, notes: STRONG }],
      areas: [{ id: 'arbeit', name: SCRIPT }],
    },
  }
}

/** The rendered HTML's text: tags dropped, entities read. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe('the Markdown documentation\'s chapter "Wer kann helfen?" with hostile actor texts', () => {
  it('renders (CommonMark, HTML and linkify on) as the same words, with no tag, link or emphasis', async () => {
    const source = new TextDecoder().decode((await renderEvent(winnendenWithHostileActors(), 'md')).bytes)
    const chapter = source.slice(source.indexOf('\n## Wer kann helfen?'))
    expect(chapter.length).toBeGreaterThan(100)
    const html = markdown.render(chapter)
    for (const tag of ['<img', '<a', '<script', '<strong', '<em', '<b>']) expect(html).not.toContain(tag)
    const text = textOf(html)
    for (const words of [IMG, LINK, STRONG, SCRIPT, PLACE, 'Erste Zeile']) expect(text).toContain(words)
    // Still a table per area: the hostile words stay inside their cells.
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(5)
    expect(html).toContain('<br>')
  })
})
