import { describe, expect, it } from 'vitest'
import '../../i18n/harvest-wording.js'
import { errorText } from '../../i18n/error-text.js'
import { translate } from '../../i18n/index.js'

// Only the phone's wording is loaded here (no console wording), as on a participant's phone.
describe('a refused dot on the phone', () => {
  it('says why in the event’s form of address, not just "Das geht gerade nicht."', () => {
    const spent = { code: 'NOT_NOW', params: { reason: 'VOTE_BUDGET_SPENT' } } as const
    expect(errorText((key, params) => translate('de', key, params, 'du'), spent)).toBe('Du hast schon alle Punkte vergeben. Nimm einen zurück, um ihn neu zu setzen.')
    expect(errorText((key, params) => translate('de', key, params, 'sie'), spent)).toBe('Sie haben schon alle Punkte vergeben. Nehmen Sie einen zurück, um ihn neu zu setzen.')
    expect(errorText((key, params) => translate('de', key, params, 'du'), { code: 'NOT_NOW', params: { reason: 'VOTE_FROZEN' } })).toBe('Die Abstimmung ist beendet – das Ergebnis steht.')
  })
})

describe('the notice after a vote closed', () => {
  it('counts the dots given in the event’s form of address', () => {
    expect(translate('de', 'harvest.phone.overMine', { count: 2 }, 'du')).toBe('Du hast 2 Punkte vergeben.')
    expect(translate('de', 'harvest.phone.overMine', { count: 1 }, 'sie')).toBe('Sie haben 1 Punkt vergeben.')
    expect(translate('de', 'harvest.phone.overNone', {}, 'sie')).toBe('Sie haben keine Punkte vergeben.')
  })
})
