import { describe, expect, it } from 'vitest'
import '../../i18n/projector-wording.js'
import { translate } from '../../i18n/index.js'

describe('the shortcut list’s key names', () => {
  it('say the keys as the keyboards of each language print them', () => {
    expect(translate('de', 'projectorModes.keyNames.pageUp')).toBe('Bild↑')
    expect(translate('en', 'projectorModes.keyNames.pageUp')).toBe('PgUp')
    expect(translate('en', 'projectorModes.keyNames.pageDown')).toBe('PgDn')
  })
})
