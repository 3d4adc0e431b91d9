import type { Audience, RevokedLink } from '@tischrunde/shared'

/**
 * What changed for an event, and who is to hear of it:
 * - `event`: its setup or round state (screens fetch the view their role may see);
 * - `presence`: who is connected where (staff only);
 * - `reopened`: stations may have become writable again (doc peers re-send what was refused);
 * - `display`: the console asked the projectors to show something (staff);
 * - `deleted`: the event is gone (every screen and doc socket of it is closed);
 * - `revoked`: one link was renewed (every socket opened with the old one is closed);
 * - `guessing`: wrong join codes are coming in (facilitators are told how many);
 * - `votes`: a voting step changed (steps to everyone, the tally to the staff, a ballot to its voter);
 * - `groups`: the groups of cards of one column changed.
 */
export type HubMessage =
  | { eventId: string; topic: 'event' | 'presence' | 'reopened' | 'deleted' | 'display'; audience: Audience }
  | { eventId: string; topic: 'revoked'; audience: Audience; link: RevokedLink }
  | { eventId: string; topic: 'guessing'; audience: Audience; wrongCodes: number; windowSeconds: number }
  /** The programme (`programme`) or only the seats taken (`counts`) changed; `participantIds`: whose choices changed. */
  | { eventId: string; topic: 'programme'; audience: Audience; what: 'programme' | 'counts'; participantIds?: string[] }
  | { eventId: string; topic: 'votes'; audience: Audience; stepId: string; participantId?: string }
  /** The moderation modes changed (no participant), or what one participant has held at a table. */
  | { eventId: string; topic: 'moderation'; audience: Audience; tableId?: string; participantId?: string }
  | { eventId: string; topic: 'groups'; audience: Audience; column: { tableId: string; stationId: string; columnId: string } }

/**
 * The one place server code publishes to. The embedded hub delivers to this process's
 * subscribers (the control plane and the doc sockets); a Redis-backed hub implements the same
 * interface to deliver across nodes.
 */
export interface Hub {
  publish(message: HubMessage): void
  /** Returns the function that unsubscribes. */
  subscribe(listener: (message: HubMessage) => void): () => void
}

/** The embedded hub: synchronous, in-process delivery. A failing listener never stops the others. */
export class LocalHub implements Hub {
  private readonly listeners = new Set<(message: HubMessage) => void>()

  constructor(private readonly onListenerError: (error: unknown, message: HubMessage) => void = () => {}) {}

  publish(message: HubMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message)
      } catch (error) {
        this.onListenerError(error, message)
      }
    }
  }

  subscribe(listener: (message: HubMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
