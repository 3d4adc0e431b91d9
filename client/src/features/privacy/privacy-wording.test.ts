import { describe, expect, it } from 'vitest'
import { privacyWording } from '../../i18n/privacy-wording.js'

/** Every key path of a wording tree, e.g. `privacy.deleteOn`. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('privacy wording', () => {
  it('has the same keys in German and English', () => {
    expect(keys(privacyWording.en).sort()).toEqual(keys(privacyWording.de).sort())
  })
  it('speaks to participants without “du” or “Sie”, so one wording fits either choice of the event', () => {
    const phone = Object.entries(privacyWording.de.privacy).filter(([k]) => k.startsWith('phone') || k.startsWith('forget'))
    for (const [key, text] of phone) expect(text, key).not.toMatch(/\b(du|Du|dein\w*|Dein\w*|dich|dir|Sie|Ihr\w*|Ihnen)\b/)
  })
})
