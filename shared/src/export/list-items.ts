/**
 * How cards become list items in the exports. People type numbers into cards ("3. Frauen …") where
 * the paper sheet had a numbered list; the documentation shows such a column as a real numbered list
 * with the number as the list's label and the text without it. Cards ending with ":" introduce their
 * sub-points ("Kulturprogramme:" + three points): they are shown as a label, not as a point.
 */

/** A number typed at the start of a card: "3. Frauen …", "12) …". Not "3.5 Stunden", not "2019." alone. */
const TYPED_NUMBER = /^(\d{1,3})[.)]\s+(\S[\s\S]*)$/

/** The number typed at the start of `text` and the text after it, or undefined when none is typed. */
export function typedNumber(text: string): { number: number; body: string } | undefined {
  const m = TYPED_NUMBER.exec(text)
  return m ? { number: Number(m[1]), body: m[2]! } : undefined
}

/** A card (or sub-point) that labels what follows: one line ending with a colon. */
export function isLabel(text: string): boolean {
  return /:\s*$/.test(text) && !text.includes('\n')
}

/** One item of a list as the documentation shows it. */
export interface ListItem {
  /** The text as typed, kept for the JSON and for search. */
  text: string
  /** The text as shown: without the typed number when the list is numbered. */
  body: string
  /** The list label as shown ("3."), when the list is numbered; null for a bullet or a label. */
  number: number | null
  /** A label card ("Kulturprogramme:"): shown emphasised, its sub-points below it. */
  label: boolean
}

/**
 * Reads a list (a column's cards or a card's sub-points): numbered when every item that is not a
 * label starts with a typed number (and there is at least one such item). The numbers are kept as
 * typed, also when they repeat or skip (a ranking "3., 1., 2., 4., 4."): renderers show exactly them.
 */
export function readList(texts: readonly string[]): { numbered: boolean; items: ListItem[] } {
  const labels = texts.map(isLabel)
  const numbers = texts.map((t) => typedNumber(t))
  const points = texts.filter((_, i) => !labels[i])
  const numbered = points.length > 0 && texts.every((_, i) => labels[i] || numbers[i] !== undefined)
  return {
    numbered,
    items: texts.map((text, i) => {
      const n = numbered && !labels[i] ? numbers[i] : undefined
      return { text, body: n ? n.body : text, number: n ? n.number : null, label: labels[i]! }
    }),
  }
}

/**
 * Splits numbered items into runs a list can number by itself: each run counts up by one from its
 * first number. `[3, 1, 2, 4, 4]` → `[[3], [1, 2], [4], [4]]` (as indexes into the input).
 */
export function countingRuns(numbers: readonly (number | null)[]): number[][] {
  const runs: number[][] = []
  let prev: number | null = null
  numbers.forEach((n, i) => {
    if (n === null) {
      prev = null
      return
    }
    if (prev !== null && n === prev + 1) runs.at(-1)!.push(i)
    else runs.push([i])
    prev = n
  })
  return runs
}
