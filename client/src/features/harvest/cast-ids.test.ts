import { describe, expect, it } from 'vitest'
import { ErrorCode, fail } from '@tischrunde/shared'
import { castIds } from './cast-ids.js'

describe('the ids of vote taps', () => {
  it('sends a tap whose answer was lost again under its id, and a new tap under a new one', () => {
    let n = 0
    const ids = castIds(() => `tap-${String(++n).padStart(8, '0')}`)
    const plus = 'step/sprache/karte-1/1'
    const first = ids.idFor(plus)
    ids.answered(plus, first, fail(ErrorCode.NETWORK, {}, 'no answer in time'))
    // The same tap again: the same id (the server counts it once if the first did arrive).
    expect(ids.idFor(plus)).toBe(first)
    // Another card or the other direction is another tap.
    expect(ids.idFor('step/sprache/karte-1/-1')).not.toBe(first)
    expect(ids.idFor('step/sprache/karte-2/1')).not.toBe(first)
    // An answer (here a refusal by the rules) means the line is back: the next tap is a new one.
    ids.answered(plus, first, fail(ErrorCode.NOT_NOW, { reason: 'VOTE_BUDGET_SPENT' }))
    expect(ids.idFor(plus)).not.toBe(first)
    const second = ids.idFor(plus)
    ids.answered(plus, second, { ok: true })
    expect(ids.idFor(plus)).not.toBe(second)
  })
})
