import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { credentialsFromSecret } from './credentials.js'

const claims = { event: 'winnenden', role: 'participant' as const, participant: 'p-0123456789abcdef', epoch: 0 }

describe('credentials checked again and again (every message of an open connection)', () => {
  it('gives the same claims for a token checked before, and still refuses a changed or foreign one', () => {
    const credentials = credentialsFromSecret(randomBytes(32))
    const token = credentials.issue(claims)
    const first = credentials.verify(token)
    expect(first).toEqual(claims)
    expect(credentials.verify(token)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)

    const [body, signature] = token.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ v: 2, ...claims, role: 'facilitator' })).toString('base64url')
    expect(credentials.verify(`${forged}.${signature}`)).toBeNull()
    expect(credentials.verify(`${body}.${signature.slice(0, -2)}xx`)).toBeNull()
    // Another installation's key opens nothing here, also not after this token was checked.
    expect(credentialsFromSecret(randomBytes(32)).verify(token)).toBeNull()
  })
})
