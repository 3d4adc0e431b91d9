import { describe, expect, it } from 'vitest'
import enPhone from '../../i18n/extra/en.moderation-phone.json'
import { moderationPhoneWording } from '../../i18n/moderation-phone-wording.js'
import { translate } from '../../i18n/index.js'

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}
const duWords = /\b(du|Du|dein\w*|Dein\w*|dich|dir)\b/

describe('the phone’s moderation wording', () => {
  it('tells an author calmly that the moderation hid one of their cards, in “du”, “Sie” and English', () => {
    expect(translate('de', 'moderation.own.hidden')).toBe('Von der Moderation ausgeblendet')
    expect(translate('de', 'moderation.own.hiddenNote')).toMatch(/auf deinem Handy/)
    expect(translate('de', 'moderation.own.hiddenNote', {}, 'sie')).toMatch(/auf Ihrem Handy/)
    expect(enPhone.own.hiddenNote).toMatch(/on your phone/)
  })

  it('has a “Sie” twin for every “du” wording, and English for every German key', () => {
    const de = moderationPhoneWording.de
    expect(keys({ moderation: enPhone }).sort()).toEqual(keys({ moderation: de.moderation }).sort())
    const sie = keys(de.sie)
    for (const key of keys({ moderation: de.moderation })) {
      const du = translate('de', key)
      if (duWords.test(du)) expect(sie, `${key} needs a Sie form`).toContain(key)
    }
    for (const key of sie) expect(translate('de', key, {}, 'sie'), key).not.toMatch(duWords)
  })
})
