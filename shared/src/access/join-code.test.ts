import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, joinCodeFromBytes, joinCodeSchema } from './join-code.js'

describe('join codes', () => {
  it('accepts lower case, spaces and dashes as typed on a phone', () => {
    expect(joinCodeSchema.parse(' xn4-yke ')).toBe('XN4YKE')
  })
  it.each(['XN4YK', 'XN4YKEE', 'XN4YK0', 'ABCDEO', 'B8S5Z1'])('rejects %s', (code) => {
    expect(joinCodeSchema.safeParse(code).success).toBe(false)
  })
  it('uses no characters that are easy to misread', () => {
    for (const c of '0O1IL2Z5S8B') expect(JOIN_CODE_ALPHABET).not.toContain(c)
  })
  it('builds valid six-character codes from random bytes', () => {
    const code = joinCodeFromBytes(new Uint8Array([0, 1, 2, 200, 254, 255]))
    expect(code).toHaveLength(6)
    expect(joinCodeSchema.parse(code)).toBe(code)
  })
})
