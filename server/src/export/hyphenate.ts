import { createRequire } from 'node:module'
import { gluedUnits } from '@tischrunde/shared'
import { TextMemo } from './pdf-text-cache.js'

/**
 * German hyphenation for the PDF: soft hyphens at syllable breaks (patterns of the `hyphen`
 * package, 1996 spelling), which pdfkit breaks lines at and draws as "-" only at a line's end. So
 * narrow columns break "Integrationsmanage-ment" instead of leaving a ragged gap.
 */

/** Words shorter than this are never broken. */
const MIN_WORD = 8

type Hyphen = { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }
let hyphen: Hyphen | undefined
/** A card is hyphenated for the documentation and again for its table's sheets. */
const hyphenated = new TextMemo<string>(20_000)

/** A web or mail address in a text: it gets no hyphen (a "-" drawn at a line's end would be copied with it). */
const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi

export function hyphenateDe(text: string): string {
  // A CommonJS module addressed by its folder, which an ES import cannot resolve; loaded on first use.
  hyphen ??= createRequire(import.meta.url)('hyphen/de-1996') as Hyphen
  const words = (part: string) => hyphen!.hyphenateSync(part, { minWordLength: MIN_WORD })
  // A number and its sign ("50 %") stay on one line; addresses stay as they are, the words around them are hyphenated.
  return hyphenated.get(text, () => {
    const glued = gluedUnits(text)
    let out = ''
    let from = 0
    for (const m of glued.matchAll(ADDRESS)) {
      out += words(glued.slice(from, m.index)) + m[0]
      from = m.index + m[0].length
    }
    return out + words(glued.slice(from))
  })
}
