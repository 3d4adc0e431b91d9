/**
 * Break opportunities in words too long for a column.
 *
 * Word breaks a word wider than its line at the last character that fits. docx's page estimator
 * (docx/layout, which writes the contents' page numbers) finds that character by measuring the
 * line again for every character, so its cost grows with the square of the word's length and is
 * paid again for every measuring pass: 280 letters without a space cost about 0.3 s per card, and
 * a long day of such cards did not export at all. A zero-width space every
 * {@link LONG_WORD_CHUNK} characters gives Word and the estimator places to break that look the
 * same on paper, and keeps each piece short, so laying out a card costs the same whatever is typed.
 */

/** Longest run of characters without a break opportunity; shorter than a column's line (German compounds up to „Kinderbetreuungsangebote“ stay whole; 24 letters x fit a column line). */
export const LONG_WORD_CHUNK = 24
/**
 * Longest run of letters left whole however long: German compounds („Schweigepflichtentbindungserklärung“,
 * 35 letters) are words people search for and spell-check, and an invisible break inside them made
 * Word mark them and miss them in a search. Longer runs, and runs with digits or signs (links,
 * „xxxxxxxx…“), still get breaks. @default 40
 */
export const WORD_MAX = 40
/** U+200B, a break opportunity that is not drawn. */
export const ZERO_WIDTH_SPACE = '\u200b'

const LONG_WORD = new RegExp(`[^\\s\\u200b]{${LONG_WORD_CHUNK + 1},}`, 'gu')
const CHUNK = new RegExp(`[^]{1,${LONG_WORD_CHUNK}}`, 'gu')
/** A run of letters (a word, hyphens between its parts allowed) up to WORD_MAX, with the punctuation around it. */
const WORD = new RegExp(`^\\p{P}*(?=[\\p{L}-]{1,${WORD_MAX}}\\p{P}*$)\\p{L}+(?:-\\p{L}+)*\\p{P}*$`, 'u')

/**
 * Puts a zero-width space after every {@link LONG_WORD_CHUNK} characters of each run longer than
 * that which is not a word of at most {@link WORD_MAX} letters; other text is returned as it is.
 */
export function breakLongWords(text: string): string {
  return text.replace(LONG_WORD, (run) => (WORD.test(run) ? run : run.match(CHUNK)!.join(ZERO_WIDTH_SPACE)))
}
