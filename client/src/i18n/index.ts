import rosetta from 'rosetta'
import { useCallback } from 'react'
import { create } from 'zustand'
import { keepLanguage, readLanguage } from '../sync/device-storage.js'
import de from './de.json'
import { loadPart } from '../lib/load-part.js'

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Values put into wording: `{{name}}` placeholders, and `count`, which also picks `_one`/`_other`. */
export type WordingParams = Record<string, string | number>
export type Translate = (key: string, params?: WordingParams) => string

/**
 * The wording tables (rosetta: nested keys, `{{…}}` placeholders). German ships with the app;
 * English is fetched when chosen, and the console's and projector's wording comes with their
 * screens (console-wording.ts, projector-wording.ts), so a phone loads only its own.
 */
const tables = rosetta<Record<string, unknown>>({ de: structuredClone(de) })
const loaded = new Set<Language>(['de'])

/** How German wording addresses the reader: "du" (the wording's own form) or "Sie" (the `sie.*` keys). */
export type AddressForm = 'du' | 'sie'

/**
 * The language shown and the form of address; components re-render when either changes, and when
 * a screen's wording in the shown language arrives after its code (`revision`).
 */
const useLanguageStore = create<{ lang: Language; address: AddressForm; revision: number }>(() => ({ lang: 'de', address: 'du', revision: 0 }))

/**
 * One wording in a language; German when the language lacks it, the key itself when both do. In
 * German with `address` "sie", a key's `sie.` twin wins where there is one (English has one form).
 */
export function translate(lang: Language, key: string, params?: WordingParams, address: AddressForm = 'du'): string {
  const count = params?.count
  const plain = typeof count === 'number' ? [`${key}_${new Intl.PluralRules(lang).select(count)}`, `${key}_other`, key] : [key]
  for (const language of lang === 'de' ? ['de'] : [lang, 'de']) {
    const keys = language === 'de' && address === 'sie' ? plain.flatMap((k) => [`sie.${k}`, k]) : plain
    for (const k of keys) {
      const text = tables.t(k, params, language)
      if (typeof text === 'string' && text !== '') return text
    }
  }
  return key
}

/** Wording in the current language, outside React (error boundaries, document titles). */
/** The language the screen speaks now (outside React; components re-render through useTranslation). */
export const currentLanguage = (): Language => useLanguageStore.getState().lang

export const t: Translate = (key, params) => translate(useLanguageStore.getState().lang, key, params, useLanguageStore.getState().address)

/** The wording function of the current language, for components. */
export function useTranslation(): { t: Translate; language: Language } {
  const lang = useLanguageStore((s) => s.lang)
  const address = useLanguageStore((s) => s.address)
  const revision = useLanguageStore((s) => s.revision)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision`: new wording in the same language
  const bound = useCallback<Translate>((key, params) => translate(lang, key, params, address), [lang, address, revision])
  return { t: bound, language: lang }
}

/**
 * Sets how German wording addresses the reader (the event's setting, on the phone). The "Sie"
 * wording loads with the first event that asks for it; until then the phone reads "du".
 */
export async function setAddressForm(address: AddressForm): Promise<void> {
  if (address === 'sie' && !sieLoaded) {
    addWording({ de: (await loadPart(() => import('./extra/de.sie.json'))).default, en: {} })
    sieLoaded = true
  }
  if (useLanguageStore.getState().address !== address) useLanguageStore.setState({ address })
}
let sieLoaded = false

/** Wording of one screen, per language, merged under the main file's top-level keys (e.g. `setup`). */
export type FeatureWording = Record<Language, Record<string, unknown>>

type Table = Record<string, unknown>
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `added` over `base`, merging top-level groups (a screen may add keys to `errors`, say). */
function merged(base: Table | undefined, added: Table): Table {
  const out: Table = { ...base }
  for (const [key, value] of Object.entries(added)) out[key] = isTable(out[key]) && isTable(value) ? { ...out[key], ...value } : value
  return out
}

/** Adds a screen's wording; called when that screen's code loads. */
export function addWording(wording: FeatureWording): void {
  for (const [lang, table] of Object.entries(wording)) tables.set(lang, merged(tables.table(lang) || undefined, structuredClone(table)))
}

/** A screen's wording in the languages other than German, each fetched when it is shown. */
export type LaterWording = Partial<Record<Exclude<Language, 'de'>, () => Promise<Table>>>
const later: LaterWording[] = []

/** Adds one screen's wording in one language, fetched now; offline it stays German. */
async function loadLater(wording: LaterWording, lang: Language): Promise<void> {
  const load = lang === 'de' ? undefined : wording[lang]
  if (!load) return
  const add = (table: Table) => {
    addWording({ [lang]: table } as FeatureWording)
    useLanguageStore.setState((s) => ({ revision: s.revision + 1 }))
  }
  const table = await load().catch(() => null)
  if (table) return add(table)
  // Offline: the screen reads German meanwhile, and its words follow once the network is back.
  void loadPart(load).then(add, () => {})
}

/**
 * Adds a screen's wording: German now, other languages once they are loaded, so a phone in German
 * never downloads the English one. In English, the screen shows German for the moment the file
 * takes to arrive, then re-renders (a screen module calls this without awaiting it: a top-level
 * await would split the whole build into many small chunks).
 */
export async function addScreenWording(german: Table, others: LaterWording): Promise<void> {
  addWording({ de: german } as FeatureWording)
  later.push(others)
  await Promise.all([...loaded].map((lang) => loadLater(others, lang)))
}

/** German by default; English when chosen (remembered on this device) or asked for with ?lang=en. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  const chosen = fromUrl ?? readLanguage()
  return chosen === 'en' ? 'en' : 'de'
}

/** Makes a language's main wording available (a no-op once loaded). */
export async function loadLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return
  const en = (await loadPart(() => import('./en.json'))).default
  tables.set('en', merged(structuredClone(en), tables.table('en') || {}))
  // From here, screens that load add their English themselves; those already there fetch it now.
  loaded.add(lang)
  await Promise.all(later.map((wording) => loadLater(wording, lang)))
}

/** Switches the screens' language; `remember`: this device keeps it for its next visits (a projector told by the console does not). */
export async function setLanguage(lang: Language, { remember = true }: { remember?: boolean } = {}): Promise<void> {
  if (remember) keepLanguage(lang)
  await loadLanguage(lang)
  document.documentElement.lang = lang
  useLanguageStore.setState({ lang })
}

/** Starts in German and switches to the chosen language once its wording is there. */
export async function initI18n(lang: Language = initialLanguage()): Promise<void> {
  document.documentElement.lang = 'de'
  useLanguageStore.setState({ lang: 'de' })
  if (lang !== 'de') await setLanguage(lang).catch(() => undefined) // offline without the file: stay German
}
