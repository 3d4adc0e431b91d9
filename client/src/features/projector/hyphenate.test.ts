import { act } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../i18n/index.js'
import { hyphenateDe, loadHyphenation } from './hyphenate.js'

const SOFT = '\u00ad'

describe('syllable breaks on the projector', () => {
  afterEach(async () => {
    await act(() => setLanguage('de'))
  })

  it('breaks German words by German rules, and nothing on a screen speaking English', async () => {
    await loadHyphenation()
    expect(hyphenateDe('Integrationsmanagement')).toContain(SOFT)
    // A walk's English projector showed "re-co-gni-ti-on" and "Men-toring".
    await act(() => setLanguage('en'))
    expect(hyphenateDe('Faster recognition of qualifications')).toBe('Faster recognition of qualifications')
    expect(hyphenateDe('Mentoring for newcomers')).not.toContain(SOFT)
  })
})
