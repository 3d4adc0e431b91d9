import { type Station } from '@tischrunde/shared';
/** The phone's form: pick a column, write a card, add sub-points, send. Works offline. */
export declare function AddCardForm({ docName, station }: {
    docName: string;
    station: Station;
}): import("react").JSX.Element;
