import { describe, expect, it } from 'vitest'
import { type Ballot, type VoteStep, EMPTY_BALLOT, VOTE_CASTS_REMEMBERED, ballotSchema, voteSetupSchema } from './vote.schema.js'
import { carryDotsOver, castSeen, castVote, dotsLeft, dotsUsed, publicBallot, rememberCast, dropDots, inVoteScope, parkDots, rankByVotes, setVoteStatus, tallyVotes, unparkDots, withoutGoneCards } from './vote.rules.js'
import { VoteRefusal } from './vote-refusals.js'

const step = (over: Partial<VoteStep> = {}): VoteStep => ({
  id: 'step-abcdef', question: 'Welche Maßnahmen zuerst?', scope: { stationId: 'station-3' }, budget: 3, perCardMax: 1, status: 'open', openedAt: 1, ...over,
})
const card = (cardId: string, tableId = 'sprache') => ({ tableId, cardId })
/** Casts in order; returns the ballot and the refusals. */
function castAll(s: VoteStep, moves: [string, 1 | -1][], start: Ballot = EMPTY_BALLOT(s.id)) {
  let ballot = start
  const refused: string[] = []
  for (const [id, delta] of moves) {
    const r = castVote(s, ballot, card(id), delta)
    if (r.ok) ballot = r.value
    else refused.push(r.error)
  }
  return { ballot, refused }
}

describe('dot voting rules', () => {
  it('refuses every dot beyond the budget: five dots with a budget of three leave three', () => {
    const { ballot, refused } = castAll(step(), [['karte-001', 1], ['karte-002', 1], ['karte-003', 1], ['karte-004', 1], ['karte-005', 1]])
    expect(ballot.dots.map((d) => d.cardId)).toEqual(['karte-001', 'karte-002', 'karte-003'])
    expect(refused).toEqual([VoteRefusal.BUDGET_SPENT, VoteRefusal.BUDGET_SPENT])
    expect(dotsLeft(step(), ballot)).toBe(0)
  })

  it.each([
    // perCardMax, dots on one card, expected count, refusals
    [1, 2, 1, [VoteRefusal.CARD_FULL]],
    [2, 3, 2, [VoteRefusal.CARD_FULL]],
    [3, 4, 3, [VoteRefusal.BUDGET_SPENT]],
  ])('with %i dot(s) allowed per card, %i dots on one card count %i', (perCardMax, n, expected, refusals) => {
    const { ballot, refused } = castAll(step({ perCardMax }), Array.from({ length: n }, () => ['karte-001', 1] as [string, 1]))
    expect(ballot.dots).toEqual([{ ...card('karte-001'), count: expected }])
    expect(refused).toEqual(refusals)
  })

  it('gives a dot back for another card, and refuses taking back a dot that is not there', () => {
    const { ballot, refused } = castAll(step(), [['karte-001', 1], ['karte-002', 1], ['karte-003', 1], ['karte-002', -1], ['karte-004', 1], ['karte-009', -1]])
    expect(ballot.dots.map((d) => d.cardId)).toEqual(['karte-001', 'karte-003', 'karte-004'])
    expect(refused).toEqual([VoteRefusal.NO_DOT])
  })

  it('tells the same card on two tables apart', () => {
    const r1 = castVote(step(), EMPTY_BALLOT('step-abcdef'), card('karte-001', 'sprache'), 1)
    const r2 = r1.ok ? castVote(step(), r1.value, card('karte-001', 'arbeit'), 1) : r1
    expect(r2.ok && r2.value.dots).toHaveLength(2)
  })

  it('refuses dots on a frozen step, both ways, and opens again', () => {
    const frozen = setVoteStatus(step(), true, 50)
    expect(frozen).toMatchObject({ status: 'frozen', frozenAt: 50 })
    expect(castVote(frozen, EMPTY_BALLOT(frozen.id), card('karte-001'), 1)).toEqual({ ok: false, error: VoteRefusal.FROZEN })
    expect(castVote(frozen, { stepId: frozen.id, dots: [{ ...card('karte-001'), count: 1 }] }, card('karte-001'), -1)).toEqual({ ok: false, error: VoteRefusal.FROZEN })
    expect(setVoteStatus(frozen, false, 60)).toEqual(step())
  })

  it('counts the dots of every ballot per card', () => {
    const counts = tallyVotes([
      { stepId: 's', dots: [{ ...card('a-0000001'), count: 2 }, { ...card('b-0000001'), count: 1 }] },
      { stepId: 's', dots: [{ ...card('a-0000001'), count: 1 }] },
    ])
    expect(Object.fromEntries(counts)).toEqual({ 'sprache/a-0000001': 3, 'sprache/b-0000001': 1 })
  })

  it('ranks most votes first; equal votes share a rank, are marked tied and keep board order', () => {
    const ranked = rankByVotes(['A', 'B', 'C', 'D', 'E'], (x) => ({ A: 1, B: 4, C: 1, D: 4, E: 0 })[x]!)
    expect(ranked.map((r) => [r.item, r.votes, r.rank, r.tied])).toEqual([
      ['B', 4, 1, true], ['D', 4, 1, true], ['A', 1, 3, true], ['C', 1, 3, true], ['E', 0, 5, false],
    ])
  })

  it.each([
    [{}, 'arbeit', 'station-1', 'x', true],
    [{ stationId: 'station-3' }, 'arbeit', 'station-3', 'x', true],
    [{ stationId: 'station-3' }, 'arbeit', 'station-2', 'x', false],
    [{ stationId: 'station-3', columnId: 'naeherkommen' }, 'arbeit', 'station-3', 'wer-hilft', false],
    [{ stationId: 'station-3', tableId: 'sprache' }, 'arbeit', 'station-3', 'x', false],
  ])('scope %o holds a card of %s / %s / %s: %s', (scope, tableId, stationId, columnId, expected) => {
    expect(inVoteScope(scope, tableId, { stationId, columnId })).toBe(expected)
  })

  it('refuses a setup with more dots per card than the budget, or a column without its station', () => {
    expect(voteSetupSchema.safeParse({ question: 'Q', scope: {}, budget: 3, perCardMax: 4 }).success).toBe(false)
    expect(voteSetupSchema.safeParse({ question: 'Q', scope: { columnId: 'x' }, budget: 3, perCardMax: 1 }).success).toBe(false)
    expect(voteSetupSchema.safeParse({ question: ' Q ', scope: { stationId: 'station-3' }, budget: 5, perCardMax: 2 }).data?.question).toBe('Q')
  })

  it('carries dots over to the card a duplicate was merged into, up to the per-card limit', () => {
    const ballot: Ballot = { stepId: 's', dots: [{ ...card('karte-001'), count: 1 }, { ...card('karte-002'), count: 1 }] }
    expect(carryDotsOver(step({ perCardMax: 2 }), ballot, card('karte-001'), card('karte-002')).dots).toEqual([{ ...card('karte-002'), count: 2 }])
    // One dot per card: the second goes back to the budget.
    const capped = carryDotsOver(step(), ballot, card('karte-001'), card('karte-002'))
    expect(capped.dots).toEqual([{ ...card('karte-002'), count: 1 }])
    expect(dotsLeft(step(), capped)).toBe(2)
    expect(carryDotsOver(step(), ballot, card('karte-009'), card('karte-002'))).toBe(ballot)
    expect(carryDotsOver(step(), ballot, card('karte-001'), card('karte-003')).dots).toEqual([{ ...card('karte-002'), count: 1 }, { ...card('karte-003'), count: 1 }])
  })

  it('gives the dots on removed cards back', () => {
    const ballot: Ballot = { stepId: 's', dots: [{ ...card('karte-001'), count: 1 }, { ...card('karte-002'), count: 2 }] }
    expect(withoutGoneCards(ballot, (ref) => ref.cardId !== 'karte-002').dots).toEqual([{ ...card('karte-001'), count: 1 }])
    expect(withoutGoneCards(ballot, () => true)).toBe(ballot)
  })
})

describe('dots on a card a moderator hides', () => {
  const voted = castAll(step({ budget: 3, perCardMax: 2 }), [['karte-001', 1], ['karte-001', 1], ['karte-002', 1]]).ballot

  it('gives the hidden card’s dots back to the budget and out of the count, parked', () => {
    const hidden = parkDots(voted, card('karte-001'))
    expect(dotsLeft(step({ budget: 3, perCardMax: 2 }), hidden)).toBe(2)
    expect(tallyVotes([hidden]).has('sprache/karte-001')).toBe(false)
    expect(hidden.parked).toEqual([{ ...card('karte-001'), count: 2 }])
    expect(parkDots(voted, card('karte-009'))).toBe(voted)
  })

  it('returns parked dots when the card is restored, as far as the budget still allows', () => {
    const s = step({ budget: 3, perCardMax: 2 })
    const hidden = parkDots(voted, card('karte-001'))
    expect(unparkDots(s, hidden, card('karte-001'))).toEqual({ stepId: voted.stepId, dots: [{ ...card('karte-002'), count: 1 }, { ...card('karte-001'), count: 2 }] })
    // The voter spent one returned dot elsewhere meanwhile: one comes back, the other is dropped.
    const spent = castVote(s, hidden, card('karte-003'), 1)
    if (!spent.ok) throw new Error(spent.error)
    const restored = unparkDots(s, spent.value, card('karte-001'))
    expect(restored.dots.find((d) => d.cardId === 'karte-001')?.count).toBe(1)
    expect(restored.parked).toBeUndefined()
    expect(dotsLeft(s, restored)).toBe(0)
  })

  it('in a frozen step, gives back what a hide after the freeze took, but never more than the budget', () => {
    // Hidden and restored after the freeze: the result is as it was.
    const frozen = step({ budget: 3, perCardMax: 2, status: 'frozen' })
    expect(unparkDots(frozen, parkDots(voted, card('karte-001')), card('karte-001'))).toEqual({ stepId: voted.stepId, dots: [{ ...card('karte-002'), count: 1 }, { ...card('karte-001'), count: 2 }] })
    // Hidden while voting ran, the dots spent elsewhere, then frozen and restored: the ballot keeps its budget.
    const open = step({ budget: 3, perCardMax: 2 })
    const spent = castVote(open, parkDots(voted, card('karte-001')), card('karte-003'), 1)
    if (!spent.ok) throw new Error(spent.error)
    const restored = unparkDots(frozen, spent.value, card('karte-001'))
    expect(dotsUsed(restored)).toBe(3)
    expect(restored.dots.find((d) => d.cardId === 'karte-001')?.count).toBe(1)
  })

  it('drops placed and parked dots on cards deleted for good', () => {
    const hidden = parkDots(voted, card('karte-001'))
    const gone = dropDots(hidden, (ref) => ref.cardId === 'karte-001' || ref.cardId === 'karte-002')
    expect(gone).toEqual({ stepId: voted.stepId, dots: [] })
    expect(dropDots(voted, () => false)).toBe(voted)
  })
})

describe('a cast sent again', () => {
  it('is known by its id, the newest ones kept, and never shown to the voter', () => {
    let ballot = EMPTY_BALLOT('step-abcdef')
    expect(castSeen(ballot, 'tap-00000001')).toBe(false)
    expect(castSeen(ballot, undefined)).toBe(false)
    ballot = rememberCast(ballot, 'tap-00000001')
    expect(castSeen(ballot, 'tap-00000001')).toBe(true)
    expect(rememberCast(ballot, undefined)).toBe(ballot)
    for (let i = 2; i <= VOTE_CASTS_REMEMBERED + 5; i++) ballot = rememberCast(ballot, `tap-${String(i).padStart(8, '0')}`)
    // Bounded like the stored record allows: the oldest are forgotten.
    expect(ballot.casts).toHaveLength(VOTE_CASTS_REMEMBERED)
    expect(ballotSchema.safeParse(ballot).success).toBe(true)
    expect(castSeen(ballot, 'tap-00000001')).toBe(false)
    expect(castSeen(ballot, `tap-${String(VOTE_CASTS_REMEMBERED + 5).padStart(8, '0')}`)).toBe(true)
    expect(publicBallot(ballot)).toEqual({ stepId: 'step-abcdef', dots: [] })
  })
})
