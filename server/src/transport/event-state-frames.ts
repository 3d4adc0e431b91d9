import { type EventActor, type Role, type StoredEvent, encodeControlPush, publicEventView } from '@tischrunde/shared'

/**
 * The `event:state` push for the screens that carry the control plane on a doc socket, encoded
 * once per stored state of the event and role: every phone of a hall that connects gets the same
 * bytes, not its own JSON of the whole event. A new state of the event is a new object, so its
 * frames are encoded anew (and the old ones go with it).
 */
export class EventStateFrames {
  private readonly frames = new WeakMap<StoredEvent, Map<Role, Uint8Array>>()

  of(stored: StoredEvent, role: Role): Uint8Array {
    let byRole = this.frames.get(stored)
    if (!byRole) this.frames.set(stored, (byRole = new Map()))
    let frame = byRole.get(role)
    if (!frame) {
      const viewer: EventActor = { type: 'event', eventId: stored.event.id, role, participantId: null, tableId: null }
      frame = encodeControlPush('event:state', publicEventView(viewer, stored.event, stored.joinCode))
      byRole.set(role, frame)
    }
    return frame
  }
}
