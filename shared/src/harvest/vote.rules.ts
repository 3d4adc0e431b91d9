import type { Card } from '../cards/card.schema.js'
import { type Result, err, ok } from '../wire/errors.js'
import { VoteRefusal } from './vote-refusals.js'
import { type Ballot, type CardRef, VOTE_BUDGET_MAX, VOTE_CASTS_REMEMBERED, type VoteScope, type VoteStep, cardRefKey } from './vote.schema.js'


/** Dots a ballot has placed. */
export function dotsUsed(ballot: Ballot): number {
  return ballot.dots.reduce((n, d) => n + d.count, 0)
}

/** Dots a participant still has in a step. */
export function dotsLeft(step: VoteStep, ballot: Ballot): number {
  return Math.max(0, step.budget - dotsUsed(ballot))
}

/** Whether a card (on `tableId`'s board) is part of what a step puts to the vote. */
export function inVoteScope(scope: VoteScope, tableId: string, card: Pick<Card, 'stationId' | 'columnId'>): boolean {
  if (scope.tableId !== undefined && scope.tableId !== tableId) return false
  if (scope.stationId !== undefined && scope.stationId !== card.stationId) return false
  if (scope.columnId !== undefined && scope.columnId !== card.columnId) return false
  return true
}

/** Whether a card in a step's scope takes new dots: not once the moderation struck it through. */
export function takesDots(card: Pick<Card, 'struck'>): boolean {
  return card.struck !== true
}

/**
 * Places (`delta` 1) or takes back (`delta` -1) one dot. The budget and the per-card limit hold
 * whatever a client sends: this is the rule the server applies to the stored ballot.
 * @example castVote(step, ballot, { tableId: 'sprache', cardId: 'k1abcdefg' }, 1)
 */
export function castVote(step: VoteStep, ballot: Ballot, target: CardRef, delta: 1 | -1): Result<Ballot, VoteRefusal> {
  if (step.status !== 'open') return err(VoteRefusal.FROZEN)
  const key = cardRefKey(target)
  const index = ballot.dots.findIndex((d) => cardRefKey(d) === key)
  const current = index >= 0 ? ballot.dots[index]!.count : 0
  if (delta === 1) {
    if (dotsUsed(ballot) >= step.budget) return err(VoteRefusal.BUDGET_SPENT)
    if (current >= step.perCardMax) return err(VoteRefusal.CARD_FULL)
  } else if (current === 0) return err(VoteRefusal.NO_DOT)
  const count = current + delta
  const others = ballot.dots.filter((_, i) => i !== index)
  const dots = count === 0 ? others : index >= 0 ? ballot.dots.map((d, i) => (i === index ? { ...d, count } : d)) : [...ballot.dots, { tableId: target.tableId, cardId: target.cardId, count }]
  return ok({ ...ballot, dots })
}

/** Dots per card (`<tableId>/<cardId>` → count) over every ballot of a step. */
export function tallyVotes(ballots: readonly Ballot[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const ballot of ballots) for (const d of ballot.dots) counts.set(cardRefKey(d), (counts.get(cardRefKey(d)) ?? 0) + d.count)
  return counts
}

/** One place of a ranking. Cards with as many dots share a rank (1, 2, 2, 4) and are marked `tied`. */
export interface Ranked<T> {
  item: T
  votes: number
  rank: number
  tied: boolean
}

/**
 * Orders items by their votes, most first; equal votes keep the order given (board order) and
 * share a rank ("standard competition ranking": 1, 2, 2, 4).
 */
export function rankByVotes<T>(items: readonly T[], votesOf: (item: T) => number): Ranked<T>[] {
  const sorted = items.map((item, i) => ({ item, votes: votesOf(item), i })).sort((a, b) => b.votes - a.votes || a.i - b.i)
  const counts = new Map<number, number>()
  for (const s of sorted) counts.set(s.votes, (counts.get(s.votes) ?? 0) + 1)
  let rank = 0
  let previous: number | null = null
  return sorted.map((s, position) => {
    if (s.votes !== previous) rank = position + 1
    previous = s.votes
    return { item: s.item, votes: s.votes, rank, tied: (counts.get(s.votes) ?? 0) > 1 }
  })
}

/** Applies the facilitator's freeze or reopening to a step. */
export function setVoteStatus(step: VoteStep, frozen: boolean, now: number): VoteStep {
  if (frozen) return step.status === 'frozen' ? step : { ...step, status: 'frozen', frozenAt: now }
  const { frozenAt: _frozenAt, ...rest } = step
  return { ...rest, status: 'open' }
}

/**
 * A ballot after card `from` was merged into card `to` (moderation): the dots move over, up to the
 * per-card limit; dots beyond it go back to the voter's budget. Unchanged when `from` has no dots.
 */
export function carryDotsOver(step: VoteStep, ballot: Ballot, from: CardRef, to: CardRef): Ballot {
  const fromKey = cardRefKey(from)
  const moving = ballot.dots.find((d) => cardRefKey(d) === fromKey)
  if (!moving) return ballot
  const rest = ballot.dots.filter((d) => cardRefKey(d) !== fromKey)
  const target = rest.find((d) => cardRefKey(d) === cardRefKey(to))
  const count = Math.min(step.perCardMax, (target?.count ?? 0) + moving.count)
  const dots = target ? rest.map((d) => (d === target ? { ...d, count } : d)) : [...rest, { tableId: to.tableId, cardId: to.cardId, count }]
  return { ...ballot, dots }
}

/** A ballot without the dots on cards that are gone (`exists` false): they go back to the budget. */
export function withoutGoneCards(ballot: Ballot, exists: (ref: CardRef) => boolean): Ballot {
  const dots = ballot.dots.filter((d) => exists(d))
  return dots.length === ballot.dots.length ? ballot : { ...ballot, dots }
}

const withParked = (ballot: Ballot, parked: Ballot['dots']): Ballot => {
  const { parked: _parked, ...rest } = ballot
  return parked.length === 0 ? rest : { ...rest, parked }
}

/**
 * A ballot after a moderator hid a card: its dots on the card leave the count and go back to the
 * budget, parked, so a restore can give them back. Unchanged (same object) when it had none there.
 */
export function parkDots(ballot: Ballot, card: CardRef): Ballot {
  const key = cardRefKey(card)
  const moving = ballot.dots.find((d) => cardRefKey(d) === key)
  if (!moving) return ballot
  const parked = ballot.parked ?? []
  const already = parked.find((d) => cardRefKey(d) === key)
  const nextParked = already ? parked.map((d) => (d === already ? { ...d, count: Math.min(VOTE_BUDGET_MAX, d.count + moving.count) } : d)) : [...parked, moving]
  return withParked({ ...ballot, dots: ballot.dots.filter((d) => d !== moving) }, nextParked.slice(0, VOTE_BUDGET_MAX))
}

/**
 * A ballot after a hidden card was restored: its parked dots return to it, as many as the budget
 * and the per-card limit allow now (a voter who spent the returned dot elsewhere meanwhile keeps
 * that vote; the surplus is dropped). A frozen step too: its voters may have spent the dot between
 * the hide and the freeze, and no ballot ever holds more than its budget.
 */
export function unparkDots(step: VoteStep, ballot: Ballot, card: CardRef): Ballot {
  const key = cardRefKey(card)
  const parked = ballot.parked?.find((d) => cardRefKey(d) === key)
  if (!parked) return ballot
  const rest = (ballot.parked ?? []).filter((d) => d !== parked)
  const current = ballot.dots.find((d) => cardRefKey(d) === key)?.count ?? 0
  const room = Math.max(0, Math.min(step.budget - dotsUsed(ballot), step.perCardMax - current))
  const back = Math.min(parked.count, room)
  if (back === 0) return withParked(ballot, rest)
  const dots = current > 0 ? ballot.dots.map((d) => (cardRefKey(d) === key ? { ...d, count: current + back } : d)) : [...ballot.dots, { tableId: card.tableId, cardId: card.cardId, count: back }]
  return withParked({ ...ballot, dots }, rest)
}

/** A ballot without any dot, placed or parked, on cards that are gone for good (their author deleted them). */
export function dropDots(ballot: Ballot, gone: (ref: CardRef) => boolean): Ballot {
  const dots = ballot.dots.filter((d) => !gone(d))
  const parked = (ballot.parked ?? []).filter((d) => !gone(d))
  if (dots.length === ballot.dots.length && parked.length === (ballot.parked ?? []).length) return ballot
  return withParked({ ...ballot, dots }, parked)
}

/** Whether a ballot already holds the cast with this id (the phone sent it again: answer, do not count). */
export function castSeen(ballot: Ballot, castId: string | undefined): boolean {
  return castId !== undefined && (ballot.casts ?? []).includes(castId)
}

/** A ballot that remembers the cast that changed it (the newest VOTE_CASTS_REMEMBERED). */
export function rememberCast(ballot: Ballot, castId: string | undefined): Ballot {
  if (castId === undefined) return ballot
  return { ...ballot, casts: [...(ballot.casts ?? []).filter((id) => id !== castId), castId].slice(-VOTE_CASTS_REMEMBERED) }
}

/** A ballot as its voter's screens see it: without the cast ids the server keeps. */
export function publicBallot(ballot: Ballot): Ballot {
  if (ballot.casts === undefined) return ballot
  const { casts: _casts, ...rest } = ballot
  return rest
}
