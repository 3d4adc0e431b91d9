/**
 * Wording on a day of trees: its stations are the trees' phases and nobody moves to
 * another table, so "Station" and "Wechsel" become "Phase" and "Übergang" there. Each such key has
 * a twin with the suffix `Tree` in the wording files.
 */
export const dayKey = (key: string, treeDay: boolean): string => (treeDay ? `${key}Tree` : key)
