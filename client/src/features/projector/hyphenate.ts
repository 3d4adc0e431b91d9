import { gluedUnits } from '@tischrunde/shared'
import { useEffect, useSyncExternalStore } from 'react'
import { loadPart } from '../../lib/load-part.js'
import { currentLanguage } from '../../i18n/index.js'

/**
 * German words break at syllables on the projector and the wall, in every browser: Chromium on
 * Linux has no German hyphenation dictionary, so `hyphens: auto` alone breaks nothing (or breaks
 * mid-letter with `overflow-wrap`). Soft hyphens from the `hyphen` package's German patterns give
 * the browser the syllable breaks. The patterns (~150 KB gzipped) load after the first render, on
 * projector screens only; until then text shows unhyphenated. A fetch that fails (venue Wi-Fi, the
 * server restarting) is tried again as any split-off part is, and once more by the next screen
 * that asks, so one failed fetch does not leave the day unhyphenated.
 */
let hyphenate: ((text: string) => string) | null = null
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

/** Words shorter than this are never broken. */
const MIN_WORD = 8

export function loadHyphenation(): Promise<void> {
  loading ??= loadPart(() => import('hyphen/de-1996')).then(
    (mod) => {
      hyphenate = (text) => mod.hyphenateSync(text, { minWordLength: MIN_WORD })
      for (const listener of listeners) listener()
    },
    () => {
      // The server no longer has the chunk: unhyphenated text is still readable; the next screen asks again.
      loading = null
    },
  )
  return loading
}

/**
 * `text` with soft hyphens at German syllable breaks (none until the patterns have loaded), a
 * number never parted from its sign. A screen speaking English breaks nothing by German rules
 * ("Men-toring", "re-co-gni-ti-on" on an English day): its long words wrap whole, or where they must.
 */
export function hyphenateDe(text: string): string {
  const glued = gluedUnits(text)
  return hyphenate && currentLanguage() === 'de' ? hyphenate(glued) : glued
}

/** Loads the patterns and re-renders once they are there. */
export function useHyphenation(): boolean {
  useEffect(() => void loadHyphenation(), [])
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => hyphenate !== null,
  )
}
