import type { Card } from '@tischrunde/shared';
/** One card with its sub-points. Text is always rendered as text, never as markup. */
export declare function CardItem({ card, unsaved, showStatus }: {
    card: Card;
    unsaved: boolean;
    showStatus: boolean;
}): import("react").JSX.Element;
