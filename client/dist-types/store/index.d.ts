import { type BoardSlice } from './board-slice.js';
import { type EventSlice } from './event-slice.js';
export type TischStore = EventSlice & BoardSlice;
/** The one client store. Components read it through selectors; only sync/ writes board state. */
export declare const useTischStore: import("zustand").UseBoundStore<import("zustand").StoreApi<TischStore>>;
/** Back to the empty state (tests, leaving an event). */
export declare function resetStore(): void;
