import type { Station } from '@tischrunde/shared';
/** Switches between stations (until rounds are run by the facilitator, each screen chooses). */
export declare function StationTabs({ stations, index, onChange }: {
    stations: Station[];
    index: number;
    onChange: (i: number) => void;
}): import("react").JSX.Element;
