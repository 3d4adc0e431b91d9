/**
 * Break opportunities in words too long for a column.
 *
 * Word breaks a word wider than its line at the last character that fits. docx's page estimator
 * (docx/layout, which writes the contents' page numbers) finds that character by measuring the
 * line again for every character, so its cost grows with the square of the word's length and is
 * paid again for every measuring pass: 280 letters without a space cost about 0.3 s per card, and
 * a long day of such cards did not export at all. Zero-width spaces in runs longer than
 * {@link WORD_MAX} give Word and the estimator places to break that look the same on paper, and
 * keep each piece short, so laying out a card costs the same whatever is typed.
 */

/** Longest piece a run is cut into where it has no place to break; shorter than a column's line (24 letters x fit a column line). */
export const LONG_WORD_CHUNK = 24
/**
 * Longest run without a space left whole, whatever it holds: German compounds
 * („Schweigepflichtentbindungserklärung", 35 letters), „Quartiers-/Stadtentwicklung", a short link
 * are words people search for, spell-check and copy, and an invisible break inside them made Word
 * mark them, miss them in a search and copy a broken link. A longer run breaks after its own
 * signs (`/`, `.`, `-`, `?`, …) into pieces of at most this many characters; a piece without any
 * (280 x) is cut every {@link LONG_WORD_CHUNK}. @default 40
 */
export const WORD_MAX = 40
/** U+200B, a break opportunity that is not drawn. */
export const ZERO_WIDTH_SPACE = '\u200b'

const LONG_RUN = new RegExp(`[^\\s\\u200b]{${WORD_MAX + 1},}`, 'gu')
const CHUNK = new RegExp(`[^]{1,${LONG_WORD_CHUNK}}`, 'gu')
/** A piece of a run up to and with the signs after which a line may break (the last piece: the rest). */
const PIECE = /[^/\\_.,;:!?&=+)\]}-]*[/\\_.,;:!?&=+)\]}-]+|[^/\\_.,;:!?&=+)\]}-]+$/gu

const lengthOf = (text: string) => [...text].length

/**
 * Puts a zero-width space into each run without a space longer than {@link WORD_MAX} characters:
 * after its signs, so that no piece is longer than {@link WORD_MAX}, and every
 * {@link LONG_WORD_CHUNK} characters inside a piece that is longer still. Other text is returned as it is.
 */
export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const pieces: string[] = []
    let open = ''
    for (const piece of run.match(PIECE) ?? [run]) {
      if (open && lengthOf(open + piece) > WORD_MAX) {
        pieces.push(open)
        open = ''
      }
      if (lengthOf(piece) <= WORD_MAX) open += piece
      else {
        const chunks = piece.match(CHUNK)!
        pieces.push(...chunks.slice(0, -1))
        open = chunks.at(-1)!
      }
    }
    if (open) pieces.push(open)
    return pieces.join(ZERO_WIDTH_SPACE)
  })
}
