import type { ListItem } from './list-items.js'
import { type EventDocumentation, type ResultSheet, SHEET_WORDS } from './result-sheet.js'
import { framingClosingMarkdown, framingOpeningMarkdown } from './framing-markdown.js'

/**
 * Markdown result sheets. Every piece of text is escaped so that it renders as the same words in
 * any CommonMark/GitHub renderer: no emphasis, links, images, HTML, code, tables, math or autolinks.
 *
 * The escaping is as narrow as that allows, so the file still reads well as text:
 * "Klient_innen" stays as it is (an underscore between letters never emphasises), while
 * "Adressat*innen" becomes "Adressat\*innen" (a star does).
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Escapes one line of text for use inside a paragraph, list item or heading. */
export function escapeMarkdownLine(line: string): string {
  let out = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    switch (ch) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '#':
      case '|':
      case '~':
      case '$': // math on GitHub
        out += '\\' + ch
        break
      case '_': {
        // Intraword underscores cannot open or close emphasis (CommonMark 6.2), others can.
        const between = LETTER_OR_DIGIT.test(line[i - 1] ?? '') && LETTER_OR_DIGIT.test(line[i + 1] ?? '')
        out += between ? ch : '\\_'
        break
      }
      case '&':
        // Only an entity reference (&lt; &#60;) would be decoded; a lone "&" is text.
        out += /^&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(line.slice(i)) ? '\\&' : ch
        break
      default:
        out += ch
    }
  }
  // GitHub turns bare URLs into links; a backslash-escaped character breaks the pattern.
  out = out.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.')
  return escapeLineStart(out)
}

/** What would start a block at the start of a line: quote, list, heading underline, rule, numbered list. */
function escapeLineStart(line: string): string {
  if (/^[>+=-]/.test(line)) return '\\' + line
  const numbered = /^(\d{1,9})([.)])/.exec(line)
  if (numbered) return numbered[1] + '\\' + line.slice(numbered[1]!.length)
  return line
}

/**
 * Escapes text that may hold line breaks. Each line is escaped and trimmed at its start (leading
 * spaces would make code blocks), empty lines dropped (they would end a list item); lines are
 * joined with a hard break and `indent`.
 */
export function escapeMarkdownText(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdownLine(line.trim()))
    .filter((line) => line !== '')
    .join(`\\\n${indent}`)
}

/** A heading's text: one line, escaped. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(level, 6))} ${escapeMarkdownLine(text.replace(/\s*\n\s*/g, ' ').trim())}`
}

function sheetBody(sheet: ResultSheet, level: number): string[] {
  const lines: string[] = []
  if (sheet.table.host) lines.push(escapeMarkdownText(`${SHEET_WORDS.host}: ${sheet.table.host}`), '')
  if (sheet.cardCount) lines.push(escapeMarkdownText(SHEET_WORDS.cardCount(sheet.cardCount)), '')
  if (sheet.stations.length === 0) lines.push(escapeMarkdownText(SHEET_WORDS.noResults), '')
  for (const station of sheet.stations) {
    lines.push(heading(level + 1, station.heading), '')
    if (station.columns.length === 0) lines.push(escapeMarkdownText(SHEET_WORDS.noStationResults), '')
    for (const column of station.columns) {
      lines.push(heading(level + 2, column.title), '')
      lines.push(...markdownList(column.cards, '', (i, indent) => markdownList(column.cards[i]!.subItems, indent, () => [])))
      lines.push('')
    }
  }
  return lines
}

/**
 * A list of items: bullets ("- "), real numbered lists ("3. ") with the numbers as typed, labels as
 * strong bullets. CommonMark numbers a list from its first item on, so numbers that do not count up
 * by one ("3., 1., 2.") start a new list each time, its delimiter switching between "." and ")" so
 * it cannot join the list before it, and a blank line before it so it never has to interrupt a
 * paragraph. Children are indented to the item's text, as nested lists need.
 */
function markdownList(items: readonly ListItem[], indent: string, children: (index: number, indent: string) => string[]): string[] {
  const lines: string[] = []
  let prev: number | null | undefined
  let delimiter: '.' | ')' = ')'
  items.forEach((item, i) => {
    let marker = '-'
    if (item.number !== null) {
      const continues = typeof prev === 'number' && item.number === prev + 1
      if (!continues) delimiter = delimiter === '.' ? ')' : '.'
      marker = `${item.number}${delimiter}`
      if (!continues && prev !== undefined) lines.push('')
    } else if (typeof prev === 'number') lines.push('')
    prev = item.number
    const inner = indent + ' '.repeat(marker.length + 1)
    const text = escapeMarkdownText(item.body, inner)
    lines.push(`${indent}${marker} ${item.label ? `**${text}**` : text}`)
    lines.push(...children(i, inner))
  })
  return lines
}

const eventLine = (sheet: Pick<ResultSheet, 'event'>) =>
  escapeMarkdownText([sheet.event.title, sheet.event.dateLabel, sheet.event.place].filter(Boolean).join(' · '))

/** One table's result sheet as Markdown. */
export function resultSheetToMarkdown(sheet: ResultSheet): string {
  const lines = [heading(1, `${sheet.heading} – ${SHEET_WORDS.results}`), '', eventLine(sheet), '', ...sheetBody(sheet, 1)]
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}

/**
 * The whole documentation as Markdown: title, agenda, contents, one chapter per table, then the
 * `chapters` given (already Markdown: trees, harvest, actors), and last the closing words.
 */
export function documentationToMarkdown(doc: EventDocumentation, chapters: readonly string[] = []): string {
  const lines = [heading(1, doc.event.title), '', escapeMarkdownText([doc.event.dateLabel, doc.event.place].filter(Boolean).join(' · ')), '', ...framingOpeningMarkdown(doc.framing)]
  if (doc.agenda.length) {
    lines.push(heading(2, SHEET_WORDS.agenda), '')
    for (const item of doc.agenda) {
      const text = `${item.time} ${SHEET_WORDS.oClock} – ${item.title}` + (item.detail ? `\n${item.detail}` : '')
      lines.push(`- ${escapeMarkdownText(text, '  ')}`)
    }
    lines.push('')
  }
  if (doc.method.length) {
    lines.push(heading(2, SHEET_WORDS.method), '', escapeMarkdownText(doc.methodIntro), '')
    for (const station of doc.method) {
      const text = `${station.prompt ? `${station.title}: ${station.prompt}` : station.title}${station.cardCount === null ? '' : ` (${SHEET_WORDS.cardCount(station.cardCount)})`}`
      lines.push(`- ${escapeMarkdownText(text, '  ')}`)
      for (const column of station.columns) lines.push(`  - ${escapeMarkdownText(column, '    ')}`)
    }
    lines.push('')
  }
  // No tables or workshops (a tree day): no empty contents.
  if (doc.sheets.length) {
    lines.push(heading(2, SHEET_WORDS.contents), '')
    doc.sheets.forEach((sheet, i) => lines.push(`${i + 1}. ${escapeMarkdownText(sheet.heading, '   ')}`))
    // The chapters after the tables (trees, "Sichtung", actors) by their headings, as the DOCX lists them.
    const titles = chapters.flatMap((chapter) => /^## (.+)$/m.exec(chapter)?.[1] ?? [])
    titles.forEach((title, i) => lines.push(`${doc.sheets.length + i + 1}. ${title}`))
    lines.push('')
  }
  for (const sheet of doc.sheets) lines.push(heading(2, `${sheet.heading} – ${SHEET_WORDS.results}`), '', ...sheetBody(sheet, 2))
  for (const chapter of chapters) if (chapter) lines.push('', chapter)
  lines.push('', ...framingClosingMarkdown(doc.framing), '---', '', escapeMarkdownText(SHEET_WORDS.closing))
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
