import type { Language } from './index.js'

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' }

/**
 * An event's calendar date (YYYY-MM-DD) as people write it in the UI language: "2. Juli 2019",
 * "2 July 2019". The text itself when it is not such a date. Formatted in UTC, so no time zone
 * shifts the day.
 */
export function formatEventDate(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc)
}
