import type { ThemeTable } from '@tischrunde/shared';
/** Big buttons, one per theme table. */
export declare function TablePicker({ tables, current, onPick }: {
    tables: ThemeTable[];
    current: string | null;
    onPick: (id: string) => void;
}): import("react").JSX.Element;
