/** Takes `#k=…` from the address (if present) and remembers it for the event. */
export declare function takeTokenFromUrl(eventId: string, kind: 'facilitator' | 'projector' | 'admin'): string | null;
export interface ParticipantIdentity {
    eventId: string;
    participantId: string;
    token: string;
}
/** The participant identity this phone got for a join code (kept across reloads). */
export declare function storedParticipant(code: string): ParticipantIdentity | null;
export declare function rememberParticipant(code: string, identity: ParticipantIdentity): void;
export declare function forgetParticipant(code: string): void;
/** The table this phone last chose at an event. */
export declare function storedTable(eventId: string): string | null;
export declare function rememberTable(eventId: string, tableId: string | null): void;
