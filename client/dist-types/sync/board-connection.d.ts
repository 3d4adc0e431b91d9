import { type Card, type SubPoint } from '@tischrunde/shared';
export interface BoardTarget {
    eventId: string;
    tableId: string;
    token: string;
    /** Who writes cards from this screen. */
    authorId: string;
    /** Keep the doc on the device (phones): unsent cards survive reloads and offline time. */
    keepLocal: boolean;
}
/**
 * Opens a table's board and mirrors it into the store. Returns a release function; the board
 * closes when its last user releases it.
 */
export declare function connectBoard(target: BoardTarget): () => void;
/** Adds a card at the end of a column. Works offline; the server gets it when the phone reconnects. */
export declare function addCard(docName: string, input: {
    stationId: string;
    columnId: string;
    text: string;
    subPoints: string[];
}, ids: {
    cardId: string;
    subPointIds: string[];
}, now?: number): Card;
export declare function changeCard(docName: string, cardId: string, change: {
    text?: string;
    subPoints?: SubPoint[];
}): boolean;
export declare function removeCard(docName: string, cardId: string): void;
