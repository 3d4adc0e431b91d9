import type { Ack, ClientEventName, ClientEventPayload, CredentialClaims } from '@tischrunde/shared'

/** The server-side view of one control-plane connection. */
export interface ControlSession {
  socketId: string
  claims: CredentialClaims
}

/** What handlers may touch; the transport builds it once. */
export interface HandlerContext {
  seat(session: ControlSession, tableId: string | null): void
}

/** One handler per client event: AUTH → VALIDATION → RESOLUTION, returning an Ack. */
export type Handler<N extends ClientEventName> = (
  ctx: HandlerContext,
  session: ControlSession,
  payload: ClientEventPayload<N>,
) => Ack | Promise<Ack>

export type Handlers = { [N in ClientEventName]: Handler<N> }
