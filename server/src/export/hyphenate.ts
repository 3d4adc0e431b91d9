import hyphen from 'hyphen/de-1996'

/**
 * German hyphenation for the PDF: soft hyphens at syllable breaks (patterns of the `hyphen`
 * package, 1996 spelling), which pdfkit breaks lines at and draws as "-" only at a line's end. So
 * narrow columns break "Integrationsmanage-ment" instead of leaving a ragged gap.
 */

/** Words shorter than this are never broken. */
const MIN_WORD = 8

export function hyphenateDe(text: string): string {
  return hyphen.hyphenateSync(text, { minWordLength: MIN_WORD })
}
