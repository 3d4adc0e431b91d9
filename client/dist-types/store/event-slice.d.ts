import type { EventLinks, PresenceCounts, Role, TischEvent } from '@tischrunde/shared';
import type { StateCreator } from 'zustand';
import type { TischStore } from './index.js';
export type ControlStatus = 'connecting' | 'online' | 'offline' | 'denied';
/** The event this screen shows, as the server last sent it, and the control connection. */
export interface EventSlice {
    event: TischEvent | null;
    role: Role | null;
    joinCode: string | null;
    /** Facilitators only. */
    links: EventLinks | null;
    presence: PresenceCounts | null;
    controlStatus: ControlStatus;
}
export declare const initialEventState: EventSlice;
export declare const createEventSlice: StateCreator<TischStore, [], [], EventSlice>;
