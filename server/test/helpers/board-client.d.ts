import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Card } from '@tischrunde/shared';
/** A y-websocket client on one board, as a phone or projector runs it (no cross-tab channel). */
export interface BoardClient {
    doc: Y.Doc;
    provider: WebsocketProvider;
    /** The last "saved up to" state vector the server sent (MESSAGE_SAVED). */
    savedVector(): Map<number, number>;
    /** Close codes the server sent, in order. */
    closeCodes: number[];
    /** Reasons of writes the server refused without closing (MESSAGE_REFUSED), in order. */
    refusals: string[];
    /** Resolves once the first sync with the server is complete. */
    synced(timeoutMs?: number): Promise<void>;
    /** Resolves once the server says everything this client wrote is durably stored. */
    saved(timeoutMs?: number): Promise<void>;
    /** Whether the server has acknowledged everything this client wrote. */
    isSaved(): boolean;
    cards(): Card[];
    put(card: Card): void;
    /** Waits until a card with this id is on the board. */
    waitForCard(id: string, timeoutMs?: number): Promise<Card>;
    destroy(): void;
}
export declare function connectBoard(url: string, eventId: string, tableId: string, token: string): BoardClient;
/** A y-websocket client on a doc of any kind, by its name. */
export declare function connectDoc(url: string, docName: string, token: string): BoardClient;
/** A phone: joins with the event's code, opens a table's board, and writes cards as itself. */
export declare function connectPhone(url: string, eventId: string, tableId: string, joinCode: string): Promise<BoardClient & {
    token: string;
    participantId: string;
    /** A card by this phone's participant. */
    card: (overrides?: Partial<Card>) => {
        id: string;
        stationId: string;
        columnId: string;
        text: string;
        subPoints: {
            id: string;
            text: string;
        }[];
        authorId: string;
        createdAt: number;
        position: number;
        authorName?: string | undefined;
        alternatives?: {
            text: string;
            subPoints: {
                id: string;
                text: string;
            }[];
        }[] | undefined;
    };
}>;
export type Phone = Awaited<ReturnType<typeof connectPhone>>;
