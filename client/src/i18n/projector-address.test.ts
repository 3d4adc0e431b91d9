import { describe, expect, it } from 'vitest'
import { setAddressForm, translate } from './index.js'
import './projector-wording.js'

describe('the projector addresses the hall as the organiser chose', () => {
  it('says "du" in a du event and "Sie" in a Sie event, never both on one screen', async () => {
    const params = { station: 'Station 2', time: '1:30' }
    expect(translate('de', 'projectorModes.changeoverText', params, 'du')).toBe('Bitte geh jetzt zu deinem nächsten Tisch. In 1:30 beginnt: Station 2.')
    expect(translate('de', 'projectorModes.join.corner', {}, 'du')).toBe('So machst du mit')
    await setAddressForm('sie')
    expect(translate('de', 'projectorModes.changeoverText', params, 'sie')).toBe('Bitte gehen Sie jetzt zu Ihrem nächsten Tisch. In 1:30 beginnt: Station 2.')
    expect(translate('de', 'projectorModes.join.corner', {}, 'sie')).toBe('So machen Sie mit')
    await setAddressForm('du')
  })
})
