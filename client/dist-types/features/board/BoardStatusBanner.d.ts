import type { BoardStatus } from '../../store/board-slice.js';
/** Tells the person at the screen when the board is not live. Nothing while all is well. */
export declare function BoardStatusBanner({ status }: {
    status: BoardStatus;
}): import("react").JSX.Element | null;
