import type { Ack, ClientEventName, ClientEventPayload } from '@tischrunde/shared'

/** Sends a control-plane command and answers with the server's acknowledgement. */
export type SendCommand = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>
