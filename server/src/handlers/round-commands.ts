import { takeRankingsOff } from '../harvest/rankings-off-projectors.js'
import { objectiveTreesAtTheirStation } from '../tree/objective-trees.js'
import { advance, back, configure, currentTreePhase, endDay, extend, ok, pause, resume, setRemaining, setStationLock, startStationNow } from '@tischrunde/shared'
import { FORBIDDEN_ACK, type Handler, mayRun } from './handler.js'

/** Facilitator: next step. Two tabs clicking at once: the second names an old version and is refused. */
export const handleAdvance: Handler<'round:advance'> = (ctx, session, msg) => {
  // AUTH
  if (!mayRun(session)) return FORBIDDEN_ACK
  // VALIDATION + RESOLUTION (the round service checks the version and the rule, then stores)
  return movedOn(ctx, session.actor.eventId, ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, t, now) => advance(s, t, now))).then(async (ack) => {
    // The afternoon's station: every group's solution tree stands when it begins (it stayed empty until the console made them).
    const stored = ack.ok ? await ctx.events.get(session.actor.eventId) : undefined
    if (stored) await objectiveTreesAtTheirStation(ctx.rooms, stored, ctx.now()).catch((error: unknown) => ctx.log.error({ err: error, event: stored.event.id }, 'the objective trees could not be made'))
    return ack
  })
}

/**
 * A step of the day ends what the projectors show large ("Groß zeigen") and takes a vote's ranking
 * off them: the new station's hints, timer and code come up.
 */
async function movedOn(ctx: Parameters<Handler<'round:advance'>>[0], eventId: string, done: ReturnType<Handler<'round:advance'>>) {
  const ack = await done
  if (!ack.ok) return ack
  const stored = await ctx.events.get(eventId)
  ctx.dayMovedOn(eventId, stored ? currentTreePhase(stored) : null)
  const off = await takeRankingsOff(ctx.votes, eventId).catch((error: unknown) => (ctx.log.error({ err: error, event: eventId }, 'the ranking could not be taken off the projectors'), []))
  for (const stepId of off) ctx.publishVotes(eventId, { stepId })
  return ack
}

export const handleBack: Handler<'round:back'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return movedOn(ctx, session.actor.eventId, ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, t, now) => back(s, t, now)))
}

/** Facilitator: "Veranstaltung beenden" on a day of workshops alone. */
export const handleEndDay: Handler<'round:end'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, t, now) => endDay(s, t, now))
}

export const handlePause: Handler<'round:pause'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, _t, now) => pause(s, now))
}

export const handleResume: Handler<'round:resume'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, _t, now) => resume(s, now))
}

export const handleExtend: Handler<'timer:extend'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, t, now) => extend(s, t, msg.minutes * 60_000, now))
}

/** Facilitator: "auf … Minuten setzen". */
export const handleSetTimer: Handler<'timer:set'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, t, now) => setRemaining(s, t, msg.minutes * 60_000, now))
}

/** Facilitator: the changeover ends early, the station's timer starts now. */
export const handleStartTimer: Handler<'timer:start'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, msg.expectedVersion, (s, _t, now) => startStationNow(s, now))
}

/** Settings apply whatever the version: the last one saved wins, like a form field. */
export const handleConfigure: Handler<'round:configure'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, null, (s) => ok(configure(s, msg.settings)))
}

export const handleStationLock: Handler<'station:lock'> = (ctx, session, msg) => {
  if (!mayRun(session)) return FORBIDDEN_ACK
  return ctx.rounds.command(session.actor.eventId, null, (s, t, now) => setStationLock(s, t, msg.stationId, msg.locked, now))
}
