import { describe, expect, it } from 'vitest'
import { publicBaseUrl } from './public-url.js'

describe('publicBaseUrl', () => {
  it('uses the configured address without a trailing slash', () => {
    expect(publicBaseUrl('http://tischrunde.local:8080/', '0.0.0.0', 3000)).toBe('http://tischrunde.local:8080')
  })

  it('uses the host and port it listens on when that is one address', () => {
    expect(publicBaseUrl(undefined, '127.0.0.1', 41234)).toBe('http://127.0.0.1:41234')
    expect(publicBaseUrl(undefined, '::1', 41234)).toBe('http://[::1]:41234')
  })

  it('never prints the unreachable 0.0.0.0 when listening on all interfaces', () => {
    const url = new URL(publicBaseUrl(undefined, '0.0.0.0', 3000))
    expect(url.hostname).not.toBe('0.0.0.0')
    expect(url.port).toBe('3000')
  })
})
