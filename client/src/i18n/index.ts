import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import de from './de.json'
import en from './en.json'
import deExport from './extra/de.export.json'
import deProjector from './extra/de.projector.json'
import deSetup from './extra/de.setup.json'
import enExport from './extra/en.export.json'
import enProjector from './extra/en.projector.json'
import enSetup from './extra/en.setup.json'

/** Wording by feature: the main file plus one file per larger feature (keys `projectorModes.*`, `setup.*`, `export.*`). */
const resources = {
  de: { translation: { ...de, projectorModes: deProjector, setup: deSetup, export: deExport } },
  en: { translation: { ...en, projectorModes: enProjector, setup: enSetup, export: enExport } },
}

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = 'tischrunde.lang'

/** German by default; English when chosen (remembered on this device) or asked for with ?lang=en. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  const stored = fromUrl ?? window.localStorage.getItem(STORAGE_KEY)
  return stored === 'en' ? 'en' : 'de'
}

export function setLanguage(lang: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lang)
  document.documentElement.lang = lang
  void i18next.changeLanguage(lang)
}

export function initI18n(lang: Language = initialLanguage()) {
  document.documentElement.lang = lang
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'de',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  })
  return i18next
}
