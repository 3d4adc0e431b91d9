import { type DocFraming, FRAMING_WORDS } from './doc-framing.js'
import { escapeMarkdownLine, escapeMarkdownText } from './to-markdown.js'

/**
 * The framing in the Markdown documentation: subtitle and organisers under the title, the
 * "Einleitung" before the agenda, the "Ausblick" before the closing line. Logos are not part of
 * the Markdown file (it holds text only); the organisers are named.
 */

const heading = (level: number, text: string) => `${'#'.repeat(level)} ${escapeMarkdownLine(text)}`
const chapter = (title: string, paragraphs: readonly string[]) => (paragraphs.length ? [heading(2, title), '', ...paragraphs.flatMap((p) => [escapeMarkdownText(p), ''])] : [])

/** Lines right after the title: the subtitle, the organisers and the Einleitung. */
export function framingOpeningMarkdown(framing: DocFraming | undefined): string[] {
  if (!framing) return []
  const lines: string[] = []
  if (framing.subtitle) lines.push(`*${escapeMarkdownText(framing.subtitle)}*`, '')
  if (framing.organisers.length) lines.push(escapeMarkdownText(`${FRAMING_WORDS.organisers}: ${framing.organisers.map((o) => o.name).join(', ')}`), '')
  return [...lines, ...chapter(FRAMING_WORDS.intro, framing.intro)]
}

/** Lines before the closing line: the Ausblick. */
export function framingClosingMarkdown(framing: DocFraming | undefined): string[] {
  return framing ? chapter(FRAMING_WORDS.outlook, framing.outlook) : []
}
