import { afterEach, describe, expect, it } from 'vitest'
import { fragmentToken, takeTokenFromUrl } from './credentials.js'

afterEach(() => {
  window.history.replaceState(null, '', '/')
  window.localStorage.clear()
})

describe('a link’s credential in the address', () => {
  it('is taken as written, and a link a mail program mangled (a stray %) opens the page without it instead of breaking it', () => {
    window.history.replaceState(null, '', '/e/cafe-test/console#k=eyJ2IjoxfQ.sig%2Dnature')
    expect(fragmentToken()).toBe('eyJ2IjoxfQ.sig-nature')
    window.history.replaceState(null, '', '/e/cafe-test/console#k=eyJ2IjoxfQ%E0.sig')
    expect(fragmentToken()).toBeNull()
    expect(() => takeTokenFromUrl('cafe-test', 'facilitator')).not.toThrow()
    expect(takeTokenFromUrl('cafe-test', 'facilitator')).toBeNull()
  })
})
