import { type EventActor, type GroupColumn, type Role, audienceRoles, may } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { VoteService } from './vote-service.js'
import type { GroupService } from './group-service.js'
import type { Screen, ScreenRooms } from '../transport/screens.js'

/** A step's tally goes out at most this often while dots come in, in ms (the projector's live ranking). */
export const TALLY_INTERVAL_MS = 250

/** The room of one participant's screens (two phones of one person share their ballots). */
const voterRoom = (eventId: string, participantId: string) => `event:${eventId}:voter:${participantId}`

/**
 * Sends what changed in a voting step: the steps to every screen, the tally to the roles that may
 * watch it (console, projector — never to phones while people vote), a participant's own ballots to
 * each of their screens. Everything is read from the store, so a change on another node arrives the same.
 */
export class VoteDelivery {
  private readonly pendingTally = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly io: Pick<ScreenRooms, 'to' | 'join'>,
    private readonly votes: VoteService,
    private readonly roleRoom: (eventId: string, role: Role) => string,
    private readonly log: Pick<Logger, 'error'>,
    private readonly groups: GroupService,
  ) {}

  /** A column's groups changed: every screen of the event gets that column's groups. */
  groupsChanged(eventId: string, column: GroupColumn): void {
    void this.groups.of(eventId, column).then((groups) => this.io.to(audienceRoles('everyone').map((r) => this.roleRoom(eventId, r))).emit('groups:state', { columns: [groups] }), this.failed(eventId))
  }

  private readonly failed = (eventId: string) => (error: unknown) => this.log.error({ err: error, event: eventId }, 'could not send the votes')

  private watchers(eventId: string): string[] {
    return audienceRoles('everyone')
      .filter((role) => may({ type: 'event', eventId, role, participantId: null, tableId: null }, 'votes:watch', { eventId }))
      .map((role) => this.roleRoom(eventId, role))
  }

  /**
   * A screen connected: it gets the steps, and its ballots or the tallies as its role may see.
   * Resolves once they are sent (or could not be read, which is logged).
   */
  connected(socket: Screen, actor: EventActor): Promise<void> {
    const { eventId } = actor
    if (actor.participantId && may(actor, 'votes:cast', { eventId })) this.io.join(socket, voterRoom(eventId, actor.participantId))
    return (async () => {
      const [steps, columns] = await Promise.all([this.votes.steps(eventId), this.groups.all(eventId)])
      socket.emit('vote:steps', { steps })
      socket.emit('groups:state', { columns })
      if (actor.participantId && may(actor, 'votes:cast', { eventId })) socket.emit('vote:ballots', { ballots: await this.votes.ballotsOf(eventId, actor.participantId, steps) })
      if (may(actor, 'votes:watch', { eventId })) for (const step of steps) socket.emit('vote:tally', await this.votes.tally(eventId, step.id))
    })().catch(this.failed(eventId))
  }

  /** A step changed (opened, frozen, a dot placed). */
  changed(eventId: string, stepId: string, participantId?: string): void {
    if (participantId) {
      void this.votes.ballotsOf(eventId, participantId).then((ballots) => this.io.to(voterRoom(eventId, participantId)).emit('vote:ballots', { ballots }), this.failed(eventId))
    } else {
      void this.votes.steps(eventId).then((steps) => this.io.to(audienceRoles('everyone').map((r) => this.roleRoom(eventId, r))).emit('vote:steps', { steps }), this.failed(eventId))
    }
    const key = `${eventId}/${stepId}`
    if (this.pendingTally.has(key)) return
    this.pendingTally.set(
      key,
      setTimeout(() => {
        this.pendingTally.delete(key)
        void this.votes.tally(eventId, stepId).then((tally) => this.io.to(this.watchers(eventId)).emit('vote:tally', tally), this.failed(eventId))
      }, participantId ? TALLY_INTERVAL_MS : 0),
    )
  }

  close(): void {
    for (const t of this.pendingTally.values()) clearTimeout(t)
    this.pendingTally.clear()
  }
}
