import { type ControlConnection } from './control-connection.js';
/** Keeps a control-plane connection open while the component is mounted (created in an effect: StrictMode-safe). */
export declare function useControl(token: string | null): React.RefObject<ControlConnection | null>;
/** Keeps a table's board open while mounted; returns its doc name for selectors and actions. */
export declare function useBoard(target: {
    eventId: string;
    tableId: string | null;
    token: string | null;
    authorId: string;
    keepLocal: boolean;
}): string | null;
