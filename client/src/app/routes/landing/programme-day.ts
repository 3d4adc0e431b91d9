/**
 * The start page's choice for a day of workshops (seed 000, Köln): no theme tables and no trees; the
 * programme with its work phases and workshops is entered in the console after creating it.
 */
export const PROGRAMME_DAY = 'programme-day'
