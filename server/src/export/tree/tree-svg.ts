import { BOX, TREE_SHEET_WORDS, type TreePhase, type TreeView, layoutTree } from '@tischrunde/shared'
import type { FallbackFont } from '../fonts.js'
import { hyphenateDe } from '../hyphenate.js'
import { WORD_MAX } from '../long-words.js'

/** Font of the pictures: DejaVu Sans, the font the PDFs embed (the PNG renderer is given its files). */
export const TREE_FONT = 'DejaVu Sans'
/** The families of the fonts the PDFs take other scripts from (fonts.ts); the PNG renderer is given their files. */
const FALLBACK_FAMILY: Readonly<Record<FallbackFont, string>> = { arabic: 'Noto Sans Arabic', ethiopic: 'Noto Sans Ethiopic', emoji: 'Noto Emoji', cjk: 'Noto Sans CJK SC' }
/** The pictures' font-family: DejaVu Sans, then the fallbacks, so an SVG viewer that has them draws those scripts too. */
const FONT_FAMILY = `${[TREE_FONT, ...Object.values(FALLBACK_FAMILY)].map((f) => `'${f}'`).join(', ')}, sans-serif`
const MARGIN = 24
const PAD = 10
const KIND_SIZE = 13
const TEXT_SIZE = 17
const LINE = 20
/** Average advance of a DejaVu Sans character, in em (wide enough that lines never overflow a box). */
const CHAR_EM = 0.6
/** The title's size, and the width of a bold character at most, in ems (wide letters: "m", "W"). */
const TITLE_SIZE = 22
const TITLE_EM = 0.68
/** Widest average advance of the bold capitals of a kind line, in em. */
const KIND_EM = 0.72
/** Most lines of text at full size the boxes grow to; a longer text is set smaller to fit, whole. */
const BOX_LINES_MAX = 8
/** The smallest type a node's text is set in, in units (a 280-character text fits a box of eight lines). */
const TEXT_SIZE_MIN = 9
/** Room above a box's text: padding, kind line and gap. */
const TEXT_TOP = PAD + KIND_SIZE + 6
/** A box's height for `lines` lines of text under its kind line: the projector's, or taller. */
const boxHeightFor = (lines: number) => Math.max(BOX.height, TEXT_TOP + PAD + lines * LINE)

/**
 * A node's text set in its box: at full size if it fits, else at the largest size (down to
 * TEXT_SIZE_MIN) at which every word fits; only a text that does not fit even then ends in "…".
 */
function setText(text: string, boxWidth: number, boxHeight: number): { size: number; line: number; lines: string[] } {
  const room = boxHeight - TEXT_TOP - PAD
  for (let size = TEXT_SIZE; size >= TEXT_SIZE_MIN; size--) {
    const line = (LINE * size) / TEXT_SIZE
    const lines = wrapText(text, Math.floor((boxWidth - PAD * 2) / (size * CHAR_EM)), Number.POSITIVE_INFINITY)
    if (lines.length * line <= room) return { size, line, lines }
  }
  const line = (LINE * TEXT_SIZE_MIN) / TEXT_SIZE
  return { size: TEXT_SIZE_MIN, line, lines: wrapText(text, Math.floor((boxWidth - PAD * 2) / (TEXT_SIZE_MIN * CHAR_EM)), Math.max(1, Math.floor(room / line))) }
}

/** How far a kind line may be pressed together and still be read. */
const SQUEEZE_MIN = 0.5

/**
 * A box's kind line from its parts (number and kind, what it answers, "im Rahmen", "noch
 * umzuformulieren"), joined by " · ". While it does not fit the box pressed to SQUEEZE_MIN, the parts
 * at `dropFirst` (indices, in that order) are left out; the list of entries under the picture names every one.
 */
function kindLine(parts: readonly string[], dropFirst: readonly number[], room: number): string {
  const kept = [...parts]
  const line = () => kept.filter(Boolean).join(' · ')
  for (const i of dropFirst) {
    if (line().length * KIND_SIZE * KIND_EM * SQUEEZE_MIN <= room) break
    kept[i] = ''
  }
  return line()
}

/** Box colours by kind, as on the projector. */
const FILL: Readonly<Record<string, string>> = { core: '#fde68a', goal: '#fde68a', cause: '#fee2e2', means: '#dbeafe', effect: '#dcfce7', end: '#dcfce7' }

// XML 1.0 allows no control characters besides tab and line breaks: they are dropped, not escaped.
const escapeXml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

const SOFT_HYPHEN = '\u00ad'

/**
 * A word too long for a line, split into what fits (ending in "-") and the rest: at the last
 * syllable break or sign ("-", "/") that fits, else cut where no stub of one or two letters is left
 * ("Personalfluktua-tion;", not "Personalfluktuatio-n;").
 */
function splitWord(word: string, width: number): [string, string] {
  let best = 0
  let at = 0
  // Only a word has syllables: a longer run (a link, "xxxx…") is cut, and costs no hyphenation per piece.
  for (const ch of word.length <= WORD_MAX ? hyphenateDe(word) : word) {
    if (ch === SOFT_HYPHEN) {
      if (at >= 2 && at <= width - 1) best = at
    } else at++
  }
  for (let i = 2; i <= Math.min(word.length - 1, width); i++) if (/[-/]/.test(word[i - 1]!)) best = Math.max(best, i)
  if (best > 0) return [/[-/]$/.test(word.slice(0, best)) ? word.slice(0, best) : `${word.slice(0, best)}-`, word.slice(best)]
  const cut = word.length - (width - 1) < 3 ? Math.max(2, word.length - 3) : width - 1
  return [`${word.slice(0, cut)}-`, word.slice(cut)]
}

/**
 * Breaks a text into at most `max` lines of `width` characters; long words are split, the rest ends in
 * "…". A line break in the text starts a new line (blank lines between paragraphs count as one).
 */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = []
  const paragraphs = text.trim() ? text.trim().replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, '\n\n').split('\n') : []
  for (const paragraph of paragraphs) {
    let line = ''
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) lines.push(line)
        const [head, rest] = splitWord(word, width)
        lines.push(head)
        line = ''
        word = rest
      }
      const next = line ? `${line} ${word}` : word
      if (next.length <= width) line = next
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
  }
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  kept[max - 1] = `${kept[max - 1]!.slice(0, width - 1)}…`
  return kept
}

/**
 * One tree as a standalone SVG, laid out exactly as the projector lays it out (the shared layout):
 * core in the middle, causes (means) below, effects (ends) above. Each objective names the number
 * of the problem it answers; objectives in scope get the dashed line around them.
 * @param problemNumbers the outline numbers of the problem tree's nodes, by id (for the objective tree)
 * @param heading whether the title is drawn above the tree (a file of its own); inside a document,
 *   whose headings name the tree already, it is only the picture's `<title>`
 */
export function treeToSvg(
  view: TreeView,
  phase: TreePhase,
  title: string,
  problemNumbers: ReadonlyMap<string, string> = new Map(),
  { heading = true }: { heading?: boolean } = {},
): { svg: string; width: number; height: number } {
  const perLine = (boxWidth: number) => Math.floor((boxWidth - PAD * 2) / (TEXT_SIZE * CHAR_EM))
  // Laid out as the projector does; where a text needs more lines than its box has, every box grows
  // alike, so the picture shows each text whole (it was cut after three lines with "…").
  const first = layoutTree(view, phase)
  const lines = Math.min(BOX_LINES_MAX, Math.max(0, ...first.nodes.map((p) => wrapText(p.node.text, perLine(p.width), BOX_LINES_MAX + 1).length)))
  const layout = boxHeightFor(lines) > BOX.height ? layoutTree(view, phase, first.stackFrom, boxHeightFor(lines)) : first
  const boxHeight = layout.boxHeight
  const { minX, maxX, minY, maxY } = layout.bounds
  const x0 = minX - MARGIN
  const headingRoom = heading ? 40 : 0
  const y0 = minY - MARGIN - headingRoom
  // Wide enough for the title too: a small tree's picture cut "Problembaum: mittelgroßer Landkrei".
  const titleWidth = heading ? title.length * TITLE_SIZE * TITLE_EM : 0
  const width = Math.max(maxX - minX, BOX.width * 2, titleWidth) + 2 * MARGIN
  const height = Math.max(maxY - minY, boxHeight) + 2 * MARGIN + headingRoom
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ]
  if (heading) out.push(`<text x="${x0 + MARGIN}" y="${y0 + MARGIN + 8}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>`)
  if (layout.nodes.length === 0) out.push(`<text x="${x0 + MARGIN}" y="${y0 + MARGIN + headingRoom + 8}" font-size="${TEXT_SIZE}" fill="#5b6777">${escapeXml(TREE_SHEET_WORDS.empty[phase])}</text>`)
  for (const link of layout.links) out.push(`<polyline points="${link.points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="#4b5563" stroke-width="3"/>`)
  for (const p of layout.nodes) {
    const n = p.node
    const left = p.x - p.width / 2
    const top = p.y - boxHeight / 2
    const core = n.kind === 'core' || n.kind === 'goal'
    const scope = n.inScope ? ' stroke-dasharray="10 6"' : ''
    const answered = n.answersProblemId ? problemNumbers.get(n.answersProblemId) : undefined
    const room = p.width - 2 * PAD
    // In the order shown; what the box cannot hold goes first: what it answers (the picture's place says it), then "im Rahmen".
    const kind = kindLine([`${p.number} ${TREE_SHEET_WORDS.kinds[n.kind].toUpperCase()}`, answered ? `zu ${answered}` : '', n.inScope ? TREE_SHEET_WORDS.inScope : '', n.placeholder ? TREE_SHEET_WORDS.placeholder : ''], [1, 2], room)
    out.push(`<g data-kind="${n.kind}" transform="translate(${left} ${top})">`)
    out.push(`<rect width="${p.width}" height="${boxHeight}" rx="10" fill="${FILL[n.kind] ?? '#ffffff'}" stroke="${n.inScope ? '#1d4ed8' : '#1f2933'}" stroke-width="${n.inScope ? 5 : core ? 4 : 2}"${scope}/>`)
    // A long kind line ("1.2 MITTEL · zu Ursache 1.2 · im Rahmen") is pressed to the box's width instead of running past its border.
    const squeeze = kind.length * KIND_SIZE * KIND_EM > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : ''
    out.push(`<text x="${PAD}" y="${PAD + KIND_SIZE}" font-size="${KIND_SIZE}" font-weight="bold" fill="#1f2933"${squeeze}>${escapeXml(kind)}</text>`)
    const set = setText(n.text, p.width, boxHeight)
    out.push(`<text font-size="${set.size}" fill="#111111">`)
    set.lines.forEach((line, i) => out.push(`<tspan x="${PAD}" y="${Math.round((TEXT_TOP + (i + 1) * set.line - (3 * set.size) / TEXT_SIZE) * 10) / 10}">${escapeXml(line)}</tspan>`))
    out.push('</text></g>')
  }
  out.push('</svg>')
  return { svg: out.join('\n'), width, height }
}
