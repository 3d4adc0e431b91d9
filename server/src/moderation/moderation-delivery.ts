import { type EventActor, type Role, audienceRoles, resolveDocName } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import { type ScreenRooms, type Screen, participantRoom } from '../transport/screens.js'
import type { Moderation } from './moderation-service.js'

/** A participant's own screens (whatever their role's room): what they have held goes there only. */

/** Roles whose phones open moderation docs. */
const PHONE_ROLES: ReadonlySet<Role> = new Set(['participant', 'host'])
/** Roles told where the modes are in use: the phones, and the projectors (a column waiting for the reveal says so). */
const MODES_ROLES: ReadonlySet<Role> = new Set([...PHONE_ROLES, 'projector'])

/**
 * Tells the phones whether moderation matters to them, so a phone opens the moderation docs only
 * then: where the modes are in use (`moderation:modes`, to every phone and projector of the event) and how many
 * of a participant's cards at a table are held (`moderation:own`, to their own screens). Every phone
 * gets the modes on connect; one seated at a table (its screen carried on the table's board socket,
 * or a host's link) its own count there too.
 */
export class ModerationDelivery {
  constructor(
    private readonly screens: ScreenRooms,
    private readonly rooms: DocRooms,
    private readonly moderation: Moderation,
    private readonly roleRoom: (eventId: string, role: Role) => string,
    private readonly log: Logger,
  ) {}

  /** A screen connected (`docName`: the board socket that carries it, if any). Resolves once its first messages are sent. */
  async connected(screen: Screen, actor: EventActor, docName: string | undefined): Promise<void> {
    if (!MODES_ROLES.has(actor.role)) return
    const { eventId, participantId } = actor
    const resolved = docName ? resolveDocName(docName, this.rooms.kinds) : null
    const tableId = resolved?.kind.name === 'board' && resolved.scope.eventId === eventId ? resolved.scope.parts.tableId : actor.tableId
    // The modes go to every phone, seated or not (one at the table choice opens the docs as soon as it sits
    // down); the own count belongs to a table.
    return (async () => {
      screen.emit('moderation:modes', await this.moderation.modesInUse(eventId))
      if (tableId && participantId && PHONE_ROLES.has(actor.role)) screen.emit('moderation:own', { tableId, held: await this.moderation.ownHeldCount(eventId, tableId, participantId) })
    })().catch(this.failed(eventId))
  }

  /** The modes changed (no participant), or a participant's held cards at a table. */
  changed(eventId: string, tableId?: string, participantId?: string): void {
    void (async () => {
      if (tableId && participantId) {
        const held = await this.moderation.ownHeldCount(eventId, tableId, participantId)
        this.screens.to(participantRoom(eventId, participantId)).emit('moderation:own', { tableId, held })
      } else {
        const modes = await this.moderation.modesInUse(eventId)
        this.screens.to(audienceRoles('everyone').filter((r) => MODES_ROLES.has(r)).map((r) => this.roleRoom(eventId, r))).emit('moderation:modes', modes)
      }
    })().catch(this.failed(eventId))
  }

  private readonly failed = (eventId: string) => (error: unknown) => this.log.error({ err: error, event: eventId }, 'could not tell the phones of moderation')
}
