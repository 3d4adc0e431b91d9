import { type Station, type TischEvent } from '@tischrunde/shared';
import { type BoardState } from './board-slice.js';
import type { TischStore } from './index.js';
export declare const selectEvent: (s: TischStore) => TischEvent | null;
export declare const selectBoard: (docName: string) => (s: TischStore) => BoardState;
/** A station of the current event by index (clamped). */
export declare function stationAt(event: TischEvent, index: number): Station;
/** The columns of one station with their cards, in board order. */
export declare function stationColumns(board: BoardState, event: TischEvent, stationId: string): import("@tischrunde/shared").ColumnView[];
