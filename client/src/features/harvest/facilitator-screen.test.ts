import { afterEach, describe, expect, it } from 'vitest'
import { takeFacilitatorHandoff } from './facilitator-screen.js'

const go = (url: string) => window.history.replaceState(null, '', url)

describe('the facilitator credential handed to the grouping view', () => {
  afterEach(() => {
    window.sessionStorage.clear()
    go('/')
  })

  it('takes it from the fragment, removes the fragment from the address and keeps it for this window only', () => {
    go('/e/winnenden/projector?mode=gruppen&tisch=sprache#f=fac-token_1')
    expect(takeFacilitatorHandoff('winnenden')).toBe('fac-token_1')
    expect(window.location.hash).toBe('')
    expect(window.location.search).toBe('?mode=gruppen&tisch=sprache')
    expect(window.localStorage.length).toBe(0)
    // A reload of the window finds it again; another event does not.
    expect(takeFacilitatorHandoff('winnenden')).toBe('fac-token_1')
    expect(takeFacilitatorHandoff('koeln')).toBeNull()
  })

  it('is nothing outside the grouping view, and nothing for a malformed credential', () => {
    go('/e/winnenden/projector#f=fac-token_1')
    expect(takeFacilitatorHandoff('winnenden')).toBeNull()
    expect(window.location.hash).toBe('#f=fac-token_1')
    go('/e/winnenden/projector?mode=gruppen#f=%3Cscript%3E')
    expect(takeFacilitatorHandoff('winnenden')).toBeNull()
    expect(window.location.hash).toBe('')
  })
})
