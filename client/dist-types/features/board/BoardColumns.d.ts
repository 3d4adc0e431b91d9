import type { TischEvent } from '@tischrunde/shared';
/**
 * One station's columns with their cards, side by side. On the projector cards animate in (unless
 * reduced motion is asked for); on a phone, the writer's own cards show whether they are stored.
 */
export declare function BoardColumns(props: {
    event: TischEvent;
    docName: string;
    stationId: string;
    ownAuthorId?: string;
    live?: boolean;
}): import("react").JSX.Element;
