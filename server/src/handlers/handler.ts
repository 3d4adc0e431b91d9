import { type GroupColumn, type Ack, type ProjectorDisplay, type TreePhase, type ClientEventName, type ClientEventPayload, type EventActor, ErrorCode, fail, may } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventService } from '../events/event-service.js'
import type { RoundService } from '../rounds/round-service.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import type { TreeMembers } from '../tree/tree-members.js'
import type { VoteService } from '../harvest/vote-service.js'
import type { GroupService } from '../harvest/group-service.js'

/** The server-side view of one control-plane connection. */
export interface ControlSession {
  socketId: string
  /** Who is connected, from the checked credential. */
  actor: EventActor
}

/** What handlers may touch; the transport builds it once. */
export interface HandlerContext {
  events: EventService
  rounds: RoundService
  /** The day's programme and workshop sign-up. */
  programme: ProgrammeService
  /** The open docs, for commands that write a doc as the server (e.g. a group's objective tree). */
  rooms: DocRooms
  /** The tree method's group memberships. */
  treeMembers: TreeMembers
  now(): number
  /** For what goes wrong after a command's answer is clear (it is logged, the command still holds). */
  log: Pick<Logger, 'error'>
  /** Records where a phone sits and sat (visits: station id → table id). */
  seat(session: ControlSession, tableId: string | null, visits?: Readonly<Record<string, string>>): void
  /** Sends the changed event to every screen of it. */
  publishEvent(eventId: string): void
  /** Tells the event's projectors (and consoles) what to show; `languageOnly`: only which language they speak. */
  showOnProjectors(eventId: string, display: ProjectorDisplay, languageOnly?: boolean): void
  /**
   * The day moved on: a spotlight on the event's projectors ends, and the tree they were told to
   * show follows the day's tree phase (`treePhase`, null on a day without trees); they keep their view.
   */
  dayMovedOn(eventId: string, treePhase: TreePhase | null): void
  /** Dot voting: steps and ballots. */
  votes: VoteService
  /** Tells the screens that a step (and, with `participantId`, that person's ballot) changed. */
  publishVotes(eventId: string, what: { stepId: string; participantId?: string }): void
  /** Groups of cards under headings. */
  groups: GroupService
  /** Tells every screen that a column's groups changed. */
  publishGroups(eventId: string, column: GroupColumn): void
}

/** One handler per client event: AUTH → VALIDATION → RESOLUTION, returning an Ack. */
export type Handler<N extends ClientEventName> = (
  ctx: HandlerContext,
  session: ControlSession,
  payload: ClientEventPayload<N>,
) => Ack | Promise<Ack>

export type Handlers = { [N in ClientEventName]: Handler<N> }

/** The answer to a facilitator command from any other role. */
export const FORBIDDEN_ACK: Ack = fail(ErrorCode.FORBIDDEN, { needs: 'facilitator' })

/** The answer when the session's event is gone (deleted meanwhile). */
export const EVENT_NOT_FOUND_ACK: Ack = fail(ErrorCode.NOT_FOUND, { what: 'event' })

/** AUTH step shared by every command that runs the day: asks the policy. */
export const mayRun = (session: ControlSession): boolean => may(session.actor, 'event:run', { eventId: session.actor.eventId })
