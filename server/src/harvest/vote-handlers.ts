import { type Ack, type AckFailure, type ClientEventName, ErrorCode, VOTE_REFUSALS, type VoteCastAnswer, type VoteRefusal, fail, may } from '@tischrunde/shared'
import { EVENT_NOT_FOUND_ACK, FORBIDDEN_ACK, type Handler, mayRun } from '../handlers/handler.js'
import type { VoteFailure } from './vote-service.js'
import { handleCardsMove, handleGroupsEdit } from './group-handlers.js'

const isRefusal = (f: VoteFailure): f is VoteRefusal => (VOTE_REFUSALS as readonly string[]).includes(f)

/** The answer to a vote command that failed: voting rules as NOT_NOW with the rule, the rest by kind. */
function voteFailed(failure: VoteFailure): AckFailure {
  if (isRefusal(failure)) return fail(ErrorCode.NOT_NOW, { reason: failure })
  switch (failure) {
    case 'NO_EVENT':
      return EVENT_NOT_FOUND_ACK as AckFailure
    case 'NO_STEP':
    case 'NO_TABLE':
      return fail(ErrorCode.INVALID_MESSAGE, { path: [failure === 'NO_STEP' ? 'stepId' : 'tableId'], issue: 'unknown_reference' })
    case 'TOO_MANY_STEPS':
      return fail(ErrorCode.INVALID_MESSAGE, { path: ['setup'], issue: 'too_big' })
    case 'BUSY':
      return fail(ErrorCode.CONFLICT)
  }
}

/** Facilitator: starts a voting step; every screen hears of it. */
export const handleVoteOpen: Handler<'vote:open'> = async (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION
  const stored = await ctx.events.get(session.actor.eventId)
  if (!stored) return EVENT_NOT_FOUND_ACK
  const { scope } = msg.setup
  const station = scope.stationId === undefined ? undefined : stored.event.template.stations.find((s) => s.id === scope.stationId)
  if (scope.stationId !== undefined && !station) return fail(ErrorCode.INVALID_MESSAGE, { path: ['setup', 'scope', 'stationId'], issue: 'unknown_reference' })
  if (scope.columnId !== undefined && !station?.columns.some((c) => c.id === scope.columnId))
    return fail(ErrorCode.INVALID_MESSAGE, { path: ['setup', 'scope', 'columnId'], issue: 'unknown_reference' })
  if (scope.tableId !== undefined && !stored.event.tables.some((t) => t.id === scope.tableId))
    return fail(ErrorCode.INVALID_MESSAGE, { path: ['setup', 'scope', 'tableId'], issue: 'unknown_reference' })
  // Nothing to vote on (no cards in scope yet, or all struck through): said before the phones open an empty vote.
  if (!(await ctx.votes.anyVotable(stored.event.id, scope))) return voteFailed('VOTE_NO_CARDS')
  // RESOLUTION
  const opened = await ctx.votes.open(stored.event.id, msg.setup, msg.stepId)
  if (!opened.ok) return opened.error === 'CONFLICT' ? fail(ErrorCode.CONFLICT) : voteFailed(opened.error)
  // The same command sent again: the step stands, every screen has heard of it.
  if (!opened.value.repeated) ctx.publishVotes(stored.event.id, { stepId: opened.value.id })
  return { ok: true, data: { stepId: opened.value.id } } as unknown as Ack
}

/** Facilitator: freezes a step's result (or opens it again). */
export const handleVoteFreeze: Handler<'vote:freeze'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const changed = await ctx.votes.setFrozen(session.actor.eventId, msg.stepId, msg.frozen)
  if (!changed.ok) return voteFailed(changed.error)
  ctx.publishVotes(session.actor.eventId, { stepId: msg.stepId })
  return { ok: true }
}

/** Facilitator: shows a step's ranking on the projectors, or takes it off. */
export const handleVoteShow: Handler<'vote:show'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const changed = await ctx.votes.show(session.actor.eventId, msg.stepId, msg.shown)
  if (!changed.ok) return voteFailed(changed.error)
  ctx.publishVotes(session.actor.eventId, { stepId: msg.stepId })
  return { ok: true }
}

/** Facilitator: "nach Stimmen ordnen" — the step's columns on every board in scope, most dots first. */
export const handleVoteOrder: Handler<'vote:order'> = async (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  const step = await ctx.votes.step(session.actor.eventId, msg.stepId)
  if (!step) return voteFailed('NO_STEP')
  const moved = await ctx.votes.orderByVotes(session.actor.eventId, step, session.actor.participantId ?? 'facilitator')
  return { ok: true, data: { moved } } as unknown as Ack
}

/**
 * Participant (or table host): one dot on or off a card. The voter is the participant of the
 * credential, never a field of the message: two phones of one person share one budget.
 */
export const handleVoteCast: Handler<'vote:cast'> = async (ctx, session, msg) => {
  // AUTH
  const { actor } = session
  if (!may(actor, 'votes:cast', { eventId: actor.eventId }) || !actor.participantId) return fail(ErrorCode.FORBIDDEN, { needs: 'participant' })
  // VALIDATION + RESOLUTION (the rule is checked against the stored ballot, in one compare-and-set)
  const cast = await ctx.votes.cast(actor.eventId, actor.participantId, msg.stepId, { tableId: msg.tableId, cardId: msg.cardId }, msg.delta, msg.castId)
  if (!cast.ok) return voteFailed(cast.error)
  // Also after a cast sent again: the voter's screens may have missed the first one's push.
  ctx.publishVotes(actor.eventId, { stepId: msg.stepId, participantId: actor.participantId })
  const data: VoteCastAnswer = { ballot: cast.value.ballot, left: cast.value.left }
  return { ok: true, data } as unknown as Ack
}

/** The voting commands, for the handler table. */
export const voteHandlers = {
  'vote:open': handleVoteOpen,
  'vote:freeze': handleVoteFreeze,
  'vote:show': handleVoteShow,
  'vote:order': handleVoteOrder,
  'groups:edit': handleGroupsEdit,
  'cards:move': handleCardsMove,
  'vote:cast': handleVoteCast,
} satisfies { [N in Extract<ClientEventName, `vote:${string}` | `groups:${string}` | 'cards:move'>]: Handler<N> }
