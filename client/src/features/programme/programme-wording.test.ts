import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { choiceAnswerSchema } from '@tischrunde/shared'
import de from '../../i18n/extra/de.programme.json'
import en from '../../i18n/extra/en.programme.json'

/** Every key path of a wording tree, e.g. `programme.refused.FULL`. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}
const text = (tree: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree) as string
const duWords = /\b(du|Du|dein\w*|Dein\w*|dich|dir|euch|eure?|ihr|Lest|wechselt|ergänzt|Wähle|lade|prüfe|versuche)\b/

describe('the programme wording', () => {
  it('has the German keys in English (the "Sie" twins aside)', () => {
    expect(keys(en).sort()).toEqual(keys(de).filter((k) => !k.startsWith('sie.')).sort())
  })

  it('has a "Sie" twin for every phone text that says "du", and the twins say no "du"', () => {
    const twins = new Set(keys(de.sie))
    for (const key of keys(de.programme).map((k) => `programme.${k}`)) {
      if (key.startsWith('programme.console.')) continue
      if (duWords.test(text(de, key))) expect(twins, `${key} needs a Sie form`).toContain(key)
    }
    for (const key of twins) {
      expect(keys(de), key).toContain(key)
      expect(text(de.sie, key), key).not.toMatch(duWords)
    }
  })

  it('words the refusal of every reason the server gives', () => {
    const refusal = choiceAnswerSchema.options.find((o) => o.shape.booked.value === false)!
    expect(Object.keys(de.programme.refused).sort()).toEqual([...refusal.shape.reason.options].sort())
  })
})

describe('a programme saved with a time zone the runtime does not know', () => {
  it('names the field and the zone in the console’s message', async () => {
    const { programmeSchema, invalidMessage } = await import('@tischrunde/shared')
    const { errorText } = await import('../../i18n/error-text.js')
    const { translate } = await import('../../i18n/index.js')
    await import('../../i18n/programme-wording.js')
    const parsed = z.object({ programme: programmeSchema }).safeParse({ programme: { timeZone: 'Europe/Berln', items: [] } })
    const failure = invalidMessage(parsed.error!)
    expect(errorText((key, params) => translate('de', key, params), failure)).toBe('Zeitzone des Programms: „Europe/Berln“ gibt es hier nicht.')
  })
})
