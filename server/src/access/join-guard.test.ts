import { describe, expect, it } from 'vitest'
import { GUESSING_ALERT_AT, JoinGuard } from './join-guard.js'

const from = (address: string, device?: string) => ({ address, device, agent: 'Mozilla/5.0' })

describe('the join guard', () => {
  it('slows a guessing device after 20 wrong codes, but not the other devices behind the same address', () => {
    const guard = new JoinGuard(() => {})
    const guesser = Array.from({ length: 25 }, (_, i) => guard.wrong(from('203.0.113.7', 'guesser-device'), i))
    expect(guesser.slice(0, 20).every((v) => v === 'answer')).toBe(true)
    expect(guesser.slice(20).every((v) => v === 'over-budget')).toBe(true)
    // Someone else in the hall mistypes once: answered as a wrong code, not slowed.
    expect(guard.wrong(from('203.0.113.7', 'hall-phone-1'), 30)).toBe('answer')
  })

  it('slows an address that keeps changing device keys after 100 wrong codes', () => {
    const guard = new JoinGuard(() => {})
    const verdicts = Array.from({ length: 110 }, (_, i) => guard.wrong(from('203.0.113.8', `device-key-${i}`), 0))
    expect(verdicts.filter((v) => v === 'answer')).toHaveLength(100)
    expect(guard.wrong(from('198.51.100.1', 'elsewhere'), 0)).toBe('answer')
  })

  it('slows guessing spread over many addresses once the code space has seen 300 wrong codes', () => {
    const guard = new JoinGuard(() => {})
    const verdicts = Array.from({ length: 310 }, (_, i) => guard.wrong(from(`10.0.${i >> 8}.${i & 255}`, `device-key-${i}`), 0))
    expect(verdicts.filter((v) => v === 'answer')).toHaveLength(300)
  })

  it('refills: a device that waits 3 s may try again', () => {
    const guard = new JoinGuard(() => {})
    for (let i = 0; i < 21; i++) guard.wrong(from('203.0.113.9', 'typo-phone'), 0)
    expect(guard.wrong(from('203.0.113.9', 'typo-phone'), 3100)).toBe('answer')
  })

  it('alerts the facilitators once enough wrong codes came, at most every 30 s', () => {
    const alerts: number[] = []
    const guard = new JoinGuard((count) => alerts.push(count))
    for (let i = 0; i < GUESSING_ALERT_AT - 1; i++) guard.wrong(from('203.0.113.10', `key-number-${i}`), i)
    expect(alerts).toEqual([])
    guard.wrong(from('203.0.113.10', 'key-number-x'), 100)
    expect(alerts).toEqual([GUESSING_ALERT_AT])
    for (let i = 0; i < 10; i++) guard.wrong(from('203.0.113.10', `later-key-${i}`), 1000 + i)
    expect(alerts).toHaveLength(1)
    guard.wrong(from('203.0.113.10', 'later-key-y'), 31_000)
    expect(alerts).toEqual([GUESSING_ALERT_AT, GUESSING_ALERT_AT + 11])
  })
})
