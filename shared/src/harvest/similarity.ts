/**
 * Lexical similarity of card texts in German, for suggestions only ("Das klingt doppelt", "Diese
 * gehören wohl zusammen"): the facilitator accepts or ignores them; nothing is ever merged or
 * grouped by this module. Normalisation folds case, umlauts and ß, drops punctuation and common
 * function words; words are reduced with CISTEM (Weissweiler & Fraser 2017), a small stemmer for German.
 */

/** Words that say nothing about a card's topic (articles, pronouns, auxiliaries, particles). */
const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis durch fuer f ' +
    'gegen hat haben hatte ich ihr ihre im in ist es sie er wir uns mit nach nicht noch nur ob ohne so sind um und unter ' +
    'vom von vor war waren was wie wer wo zu zum zur ueber mehr sehr soll sollen sollte kann koennen muss muessen ' +
    'wird werden wurde dass da dort hier man mal ja nein kein keine keinen vielleicht bzw z b usw etc ggf'
  ).split(' '),
)

/** Folds a text for comparison: lower case, umlauts as ae/oe/ue, ß as ss, only letters and digits. */
export function normalizeGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** CISTEM stem of one folded word (case-insensitive variant). */
export function stemGerman(word: string): string {
  let w = word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
  if (w.length >= 6 && w.startsWith('ge')) w = w.slice(2)
  w = w.replace(/sch/g, '$').replace(/ei/g, '%').replace(/ie/g, '&').replace(/(.)\1/g, '$1*')
  while (w.length > 3) {
    if (w.length > 5 && /(em|er|nd)$/.test(w)) w = w.slice(0, -2)
    else if (/[tesn]$/.test(w)) w = w.slice(0, -1)
    else break
  }
  return w.replace(/(.)\*/g, '$1$1').replace(/\$/g, 'sch').replace(/%/g, 'ei').replace(/&/g, 'ie')
}

/** The stems a text is about (function words dropped, each stem once). */
export function textStems(text: string): Set<string> {
  const out = new Set<string>()
  for (const word of normalizeGerman(text).split(' ')) {
    if (word.length < 2 || STOPWORDS.has(word)) continue
    out.add(stemGerman(word))
  }
  return out
}

const dice = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return (2 * shared) / (a.size + b.size)
}

function trigrams(stems: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  for (const s of stems) {
    const padded = ` ${s} `
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  }
  return out
}

/** A text prepared once for many comparisons. */
export interface TextProfile {
  stems: Set<string>
  grams: Set<string>
}

export function textProfile(text: string): TextProfile {
  const stems = textStems(text)
  return { stems, grams: trigrams(stems) }
}

/**
 * How alike two texts are, 0…1: shared stems (Dice) weighted with shared letter trigrams of the
 * stems, so compounds ("Sprachkurs" / "Kurse für Sprache") count as related.
 */
export function textSimilarity(a: TextProfile, b: TextProfile): number {
  return 0.6 * dice(a.stems, b.stems) + 0.4 * dice(a.grams, b.grams)
}

/** From this similarity on, two cards are suggested as duplicates. */
export const DUPLICATE_THRESHOLD = 0.72
/** From this similarity on, two cards are suggested for one group. */
export const CLUSTER_THRESHOLD = 0.34

export interface SimilarPair {
  a: string
  b: string
  similarity: number
}

/** A suggested group: card ids (in the order given) and a heading word most of them share. */
export interface ClusterSuggestion {
  ids: string[]
  heading: string
}

/** Pairs of items at least `threshold` alike, most alike first. Quadratic: meant for one column or table. */
export function similarPairs(items: readonly { id: string; text: string }[], threshold = DUPLICATE_THRESHOLD): SimilarPair[] {
  const profiles = items.map((i) => textProfile(i.text))
  const out: SimilarPair[] = []
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const similarity = textSimilarity(profiles[i]!, profiles[j]!)
      if (similarity >= threshold) out.push({ a: items[i]!.id, b: items[j]!.id, similarity })
    }
  return out.sort((x, y) => y.similarity - x.similarity)
}

/**
 * Groups items that are alike (linked by pairs at least `threshold` alike), each with a heading
 * word taken from the texts; single items are left out.
 */
export function suggestClusters(items: readonly { id: string; text: string }[], threshold = CLUSTER_THRESHOLD): ClusterSuggestion[] {
  const parent = new Map(items.map((i) => [i.id, i.id]))
  const root = (id: string): string => {
    let r = id
    while (parent.get(r) !== r) r = parent.get(r)!
    return r
  }
  for (const p of similarPairs(items, threshold)) parent.set(root(p.a), root(p.b))
  const groups = new Map<string, string[]>()
  for (const item of items) {
    const r = root(item.id)
    groups.set(r, [...(groups.get(r) ?? []), item.id])
  }
  const textOf = new Map(items.map((i) => [i.id, i.text]))
  return [...groups.values()].filter((ids) => ids.length > 1).map((ids) => ({ ids, heading: headingFor(ids.map((id) => textOf.get(id)!)) }))
}

/** The word whose stem the most texts share, as first written (longest on a tie). */
function headingFor(texts: readonly string[]): string {
  const seen = new Map<string, { count: number; word: string }>()
  for (const text of texts) {
    const stemsHere = new Set<string>()
    for (const raw of text.split(/[^\p{L}\p{N}-]+/u)) {
      const folded = normalizeGerman(raw)
      if (folded.length < 3 || STOPWORDS.has(folded) || folded.includes(' ')) continue
      const stem = stemGerman(folded)
      if (stemsHere.has(stem)) continue
      stemsHere.add(stem)
      const entry = seen.get(stem)
      if (entry) entry.count++
      else seen.set(stem, { count: 1, word: raw })
    }
  }
  let best: { count: number; word: string } | null = null
  for (const e of seen.values()) if (!best || e.count > best.count || (e.count === best.count && e.word.length > best.word.length)) best = e
  return best?.word ?? ''
}
