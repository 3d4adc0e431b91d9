import type { Translate } from '../../i18n/index.js'

/**
 * A shift of the day in words a facilitator reads at a glance: "15 Minuten früher", never "-15
 * Minuten später". `shifted`: the note after one shift; `shifts`: all shifts so far together.
 */
export function shiftWords(t: Translate, what: 'shifted' | 'shifts', minutes: number): string {
  if (minutes === 0) return what === 'shifts' ? t('programme.console.shiftsNone') : ''
  const way = minutes > 0 ? 'Later' : 'Earlier'
  return t(`programme.console.${what}${way}`, { count: Math.abs(minutes) })
}
