import { beforeAll, describe, expect, it } from 'vitest'
import '../../i18n/programme-wording.js'
import { type Language, type Translate, loadLanguage, translate } from '../../i18n/index.js'
import { shiftWords } from './shift-words.js'

const inLanguage = (lang: Language): Translate => (key, params) => translate(lang, key, params)
beforeAll(() => loadLanguage('en'))

describe('a shift of the day in words', () => {
  it('says "earlier" for a negative shift and never shows a minus sign', () => {
    const de = inLanguage('de')
    expect(shiftWords(de, 'shifted', -15)).toBe('Der Rest des Tages läuft jetzt 15 Minuten früher.')
    expect(shiftWords(de, 'shifted', 10)).toBe('Der Rest des Tages läuft jetzt 10 Minuten später.')
    expect(shiftWords(de, 'shifted', 1)).toBe('Der Rest des Tages läuft jetzt 1 Minute später.')
    expect(shiftWords(de, 'shifts', -5)).toBe('Bisher insgesamt 5 Minuten früher als geplant.')
    expect(shiftWords(de, 'shifts', 0)).toBe('Bisher läuft der Tag wie geplant.')
    expect(shiftWords(inLanguage('en'), 'shifted', -15)).toBe('The rest of the day now runs 15 minutes earlier.')
    expect(shiftWords(inLanguage('en'), 'shifts', 1)).toBe('So far 1 minute later than planned in all.')
  })
})
