import { type CreateEventRequest, type CreateEventResponse, type ErrorCode, type EventListItem, type FacilitatorEventView, type JoinResponse, type PublicEventView } from '@tischrunde/shared';
/** A failed API call: a code from the server (or NETWORK) and the server's message. */
export declare class ApiFailure extends Error {
    readonly code: ErrorCode | 'NETWORK';
    readonly path?: (string | number)[] | undefined;
    constructor(code: ErrorCode | 'NETWORK', message: string, path?: (string | number)[] | undefined);
}
export declare const api: {
    createEvent: (req: CreateEventRequest) => Promise<CreateEventResponse>;
    join: (code: string) => Promise<JoinResponse>;
    facilitatorView: (eventId: string, token: string) => Promise<FacilitatorEventView>;
    publicView: (eventId: string, token: string) => Promise<PublicEventView>;
    listEvents: (adminKey: string) => Promise<EventListItem[]>;
};
