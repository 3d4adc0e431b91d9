import { type Ack, type ClientEventName, type ClientEventPayload } from '@tischrunde/shared';
/** The control plane as the app sees it: send a command with an answer, and close. */
export interface ControlConnection {
    send<N extends ClientEventName>(name: N, payload: ClientEventPayload<N>): Promise<Ack>;
    close(): void;
}
/**
 * Connects to the event's control plane and mirrors event state and presence into the store.
 * Every message from the server is checked with the shared schema before it is used.
 */
export declare function connectControl(token: string): ControlConnection;
