import { KNOWN_ACTORS, type KnownActor } from './synonyms.js'

const UMLAUTS: ReadonlyMap<string, string> = new Map([
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['ß', 'ss'],
])

/**
 * The comparison key of an actor's name: lower case, umlauts spelled out, gender endings
 * ("_innen", "*innen", ":innen", "Innen", "/-innen", "_in") and a leading article dropped,
 * punctuation as spaces. "Die Arbeitgeber_innen" and "arbeitgeber" get the same key.
 * @example actorKey('Agentur f. Arbeit') // 'agentur f arbeit'
 */
export function actorKey(text: string): string {
  let s = text.normalize('NFC')
  s = s.replace(/(?:[_*:·]|\/-?)[iI]n(?:nen)?\b/g, '')
  s = s.replace(/(?<=[a-zäöüß])Innen\b/g, '').replace(/(?<=[a-zäöüß])In\b/g, '')
  s = s.toLowerCase().replace(/[äöüß]/g, (c) => UMLAUTS.get(c) ?? c)
  s = s.replace(/[^a-z0-9]+/g, ' ').trim()
  s = s.replace(/^(?:der|die|das|den|dem|des|eine?|alle)\s+/, '')
  return s
}

/** Keys of every spelling of the known actors (their name first). */
const KNOWN_BY_KEY: ReadonlyMap<string, KnownActor> = (() => {
  const map = new Map<string, KnownActor>()
  for (const known of KNOWN_ACTORS)
    for (const spelling of [known.name, ...known.aliases]) {
      const key = actorKey(spelling)
      if (key && !map.has(key)) map.set(key, known)
    }
  return map
})()

/** Singular and plural endings people mix up ("Kirche"/"Kirchen", "Schule"/"Schulen", "Verein"/"Vereine"). */
function stem(word: string): string {
  if (word.length <= 4) return word
  const stemmed = word.replace(/(?:e?n|e|s)+$/, '')
  return stemmed.length >= 3 ? stemmed : word
}

/**
 * The known actor a name stands for, or null: its whole key first, then its key with singular and
 * plural folded, then (for short names of up to five words) a known name that appears as whole
 * words in it ("Ausdauernde Ehrenamtliche mit Geduld" → Ehrenamt).
 */
export function matchKnownActor(text: string): KnownActor | null {
  const key = actorKey(text)
  if (!key) return null
  const exact = KNOWN_BY_KEY.get(key)
  if (exact) return exact
  const stemmed = key.split(' ').map(stem).join(' ')
  for (const [known, actor] of KNOWN_BY_KEY) if (known.split(' ').map(stem).join(' ') === stemmed) return actor
  const words = key.split(' ')
  if (words.length > 10) return null
  let best: { actor: KnownActor; length: number } | null = null
  for (const [known, actor] of KNOWN_BY_KEY) {
    if (known.length < 4) continue // "ba", "rp", "im" only as whole names
    const knownWords = known.split(' ')
    for (let i = 0; i + knownWords.length <= words.length; i++) {
      const same = knownWords.every((w, j) => stem(w) === stem(words[i + j] ?? ''))
      if (same && (!best || known.length > best.length)) best = { actor, length: known.length }
    }
  }
  return best?.actor ?? null
}

/** Letter pairs of a key, for the similarity below. */
function bigrams(key: string): Map<string, number> {
  const grams = new Map<string, number>()
  const s = ` ${key} `
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

/** Dice similarity of two names' keys, 0 (nothing shared) to 1 (same key). */
export function nameSimilarity(a: string, b: string): number {
  const ka = actorKey(a)
  const kb = actorKey(b)
  if (!ka || !kb) return 0
  if (ka === kb) return 1
  const ga = bigrams(ka)
  const gb = bigrams(kb)
  let shared = 0
  let total = 0
  for (const n of ga.values()) total += n
  for (const n of gb.values()) total += n
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0)
  return (2 * shared) / total
}

/** How similar two names must be to be suggested as the same actor. */
export const SIMILAR_ENOUGH = 0.72

/** A pair of actors that may be the same, for the facilitator to merge or ignore. */
export interface MergeSuggestion {
  a: string
  b: string
  similarity: number
}

/**
 * Pairs of actors (by id) whose names look alike, most alike first: suggestions only, never
 * merged automatically. At most `limit` pairs.
 */
export function suggestMerges(actors: readonly { id: string; name: string }[], limit = 20): MergeSuggestion[] {
  const pairs: MergeSuggestion[] = []
  for (let i = 0; i < actors.length; i++)
    for (let j = i + 1; j < actors.length; j++) {
      const a = actors[i]!
      const b = actors[j]!
      const similarity = nameSimilarity(a.name, b.name)
      if (similarity >= SIMILAR_ENOUGH) pairs.push({ a: a.id, b: b.id, similarity })
    }
  return pairs.sort((x, y) => y.similarity - x.similarity).slice(0, limit)
}
