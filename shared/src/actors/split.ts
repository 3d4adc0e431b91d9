/** One actor as a card names it: the name as written, the measures it helps with, a contact named with it. */
export interface ActorSegment {
  /** The actor's name as written, without list marks, measure numbers and contact. */
  text: string
  /** Numbers of the table's measures it helps with ("Geflüchtete 1-7" → 1…7), ascending. */
  measures: number[]
  /** A person named after a colon ("Städtetag: Benjamin Lachat"): personal data. */
  person?: string
  /** Looks like an activity rather than an actor ("Netzwerk ausbauen"): shown hidden until someone shows it. */
  activity: boolean
}

/** Most measures one reference may name (a range "1-400" is a typo, not 400 measures). */
export const MEASURE_REFS_MAX = 30

/** A colon heading that introduces a list of actors ("Behilfliche Akteur*innen:"). */
const LIST_HEADING = /^(?:behilfliche?|wer kann helfen|wer hilft|akteur|akteure|partner|unterst[üu]tz|beteiligte)/i
/** A leading list mark: "1. ", "2) ", "- ", "• ". */
const LIST_MARK = /^\s*(?:\d{1,2}[.)]|[-•–*·])\s+/
/** Trailing measure numbers: "1-7", "3", "1, 4 + 6", "(2-3)". */
const MEASURE_TAIL = /\s+\(?((?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?)(?:\s*(?:\+|&|und|,)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*)\)?$/
/** A piece that is only measure numbers (after a list split: "Geflüchtete 1, 3"). */
const ONLY_MEASURES = /^\(?(\d{1,3}(?:\s*[-–]\s*\d{1,3})?)\)?$/
/** Activities written where actors are asked for. */
const ACTIVITY_WORDS = /^(?:öffentlichkeitsarbeit|netzwerkarbeit|vernetzung|netzwerk|austausch|aufklärung|aufklärungsarbeit|lobbyarbeit)$/i

/** Splits text at top-level separators (not inside parentheses). */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '(' || c === '[') depth++
    else if ((c === ')' || c === ']') && depth > 0) depth--
    else if (depth === 0 && separators.test(c)) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/**
 * Splits at slashes between two words ("Diakonie/Caritas", "AWO/DRK/Malteser") but not in
 * compounds ("Kindergärten /-tagesstätten", "Kümmerer-/Projektstellen") or numbers ("7/24").
 */
function splitSlashes(text: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '/') continue
    const before = text.slice(0, i).trimEnd().slice(-1)
    const after = text.slice(i + 1).trimStart().slice(0, 1)
    if (/[\p{L}_]/u.test(before) && /\p{L}/u.test(after) && !/\(/.test(text.slice(start, i))) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/** The measure numbers of a reference like "1-7" or "1, 4 + 6" (ranges expanded, at most MEASURE_REFS_MAX). */
export function parseMeasureRefs(ref: string): number[] {
  const out = new Set<number>()
  for (const part of ref.split(/\s*(?:\+|&|und|,)\s*/)) {
    const range = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(part.trim())
    if (range) {
      const from = Number(range[1])
      const to = Number(range[2])
      if (to < from || to - from >= MEASURE_REFS_MAX) continue
      for (let n = from; n <= to; n++) out.add(n)
    } else if (/^\d{1,3}$/.test(part.trim())) out.add(Number(part.trim()))
  }
  return [...out].filter((n) => n > 0).sort((a, b) => a - b).slice(0, MEASURE_REFS_MAX)
}

/** Cleans one piece: trims spaces, a trailing full stop and enclosing quotes. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:!]+$/, '')
    .replace(/^[„"“]+|[“"”]+$/g, '')
    .trim()
}

/** One line of a card (its text or a sub-point) into actor segments. */
function splitLine(line: string): ActorSegment[] {
  let text = line
  const numbered = /^\s*\d{1,2}[.)]\s+/.test(text)
  text = text.replace(LIST_MARK, '')
  const heading = /^([^:]{1,60}):\s*(.+)$/s.exec(text)
  if (heading && LIST_HEADING.test(heading[1]!.trim())) text = heading[2]!
  // A numbered line is one item ("8. Ausdauernde Ehrenamtliche mit Geduld, Empathie und …").
  const pieces = numbered ? [text] : splitTopLevel(text, /[;,]/)
  const segments: ActorSegment[] = []
  for (const raw of pieces) {
    const piece = tidy(raw)
    if (!piece) continue
    const bare = ONLY_MEASURES.exec(piece)
    const last = segments[segments.length - 1]
    if (bare && last) {
      last.measures = [...new Set([...last.measures, ...parseMeasureRefs(bare[1]!)])].sort((a, b) => a - b).slice(0, MEASURE_REFS_MAX)
      continue
    }
    let name = piece
    let person: string | undefined
    const colon = /^([^:]{1,80}):\s*(.+)$/s.exec(piece)
    if (colon) {
      const [, head, rest] = colon
      if (/^für\s/i.test(head!.trim())) name = rest!
      else {
        name = head!
        person = tidy(rest!)
      }
    }
    let measures: number[] = []
    const tail = MEASURE_TAIL.exec(name)
    if (tail && /\p{L}/u.test(name.slice(0, tail.index))) {
      measures = parseMeasureRefs(tail[1]!)
      if (measures.length > 0) name = name.slice(0, tail.index)
    }
    const parts = person ? [name] : splitSlashes(name)
    for (const part of parts) {
      const clean = tidy(part)
      if (!/\p{L}/u.test(clean)) continue
      const lastWord = clean.split(' ').pop() ?? ''
      const activity = ACTIVITY_WORDS.test(clean) || (/^\p{Ll}/u.test(lastWord) && /en$/.test(lastWord) && clean.includes(' '))
      segments.push({ text: clean, measures: [...measures], ...(person ? { person } : {}), activity })
    }
  }
  return segments
}

/**
 * The actors one card names. A card that ends in a colon is a heading: its sub-points are the
 * actors, and it names none itself when it has none ("Überregionale Vernetzung …:" → "Städtetag: Benjamin Lachat", …).
 * Otherwise its text and each sub-point are split into actors at commas, semicolons and slashes
 * between words; trailing numbers are measure references.
 * @example splitActorCard('Geflüchtete 1-7, Bamf', []) // [{ text: 'Geflüchtete', measures: [1…7] }, { text: 'Bamf', measures: [] }]
 */
export function splitActorCard(text: string, subPoints: readonly string[] = []): ActorSegment[] {
  // A label ("Behilfliche Akteur*innen:") names no actor itself: only what it heads (its sub-points,
  // or the cards after it) does.
  const heading = /:\s*$/.test(text) && !text.includes('\n')
  const lines = heading ? [...subPoints] : [text, ...subPoints]
  return lines.flatMap(splitLine)
}
