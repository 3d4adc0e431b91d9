/** Longest card text a button's name repeats, in characters. */
export const LABEL_TEXT_MAX = 60

/**
 * A card's text as a button's name quotes it ("Karte „…“ ausblenden"): whole when short, else cut
 * at the last word that fits and marked with "…", so a screen reader neither reads a page of text
 * nor stops mid-word.
 */
export function labelText(text: string, max = LABEL_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()} …`
}
