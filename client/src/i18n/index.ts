import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import de from './de.json'

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'tischrunde.lang'

/**
 * German ships with the app; English is fetched when chosen, and the wording of the console and
 * the projector comes with their screens (see feature-wording.ts), so a phone loads only its own.
 */
const loaded = new Set<Language>(['de'])
const pending: FeatureWording[] = []

/** Wording of one screen, per language, merged under the main file's keys (e.g. `setup.*`). */
export type FeatureWording = Record<Language, Record<string, unknown>>

/** Adds a screen's wording; called when that screen's code loads (kept until i18next starts). */
export function addWording(wording: FeatureWording): void {
  if (!i18next.isInitialized) return void pending.push(wording)
  for (const [lang, bundle] of Object.entries(wording)) i18next.addResourceBundle(lang, 'translation', bundle, true, true)
}

/** German by default; English when chosen (remembered on this device) or asked for with ?lang=en. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  const stored = fromUrl ?? window.localStorage.getItem(STORAGE_KEY)
  return stored === 'en' ? 'en' : 'de'
}

/** Makes a language's main wording available (a no-op once loaded). */
export async function loadLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return
  const en = (await import('./en.json')).default
  i18next.addResourceBundle('en', 'translation', structuredClone(en), true, false)
  loaded.add(lang)
}

export async function setLanguage(lang: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, lang)
  await loadLanguage(lang)
  document.documentElement.lang = lang
  await i18next.changeLanguage(lang)
}

/** Starts i18next in German and switches to the chosen language once its wording is there. */
export async function initI18n(lang: Language = initialLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: structuredClone(de) } }, // i18next merges into what it is given
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  })
  document.documentElement.lang = 'de'
  for (const wording of pending.splice(0)) addWording(wording)
  if (lang !== 'de') await setLanguage(lang).catch(() => undefined) // offline without the file: stay German
  return i18next
}
