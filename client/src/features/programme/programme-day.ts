import type { TischEvent } from '@tischrunde/shared'

/**
 * A day of programme only (the Köln kind): no theme tables and no trees. Its console has no café to
 * run — no stations, round bar, round settings or projector remote — and its projector shows the programme.
 */
export const isProgrammeOnlyDay = (event: Pick<TischEvent, 'tables' | 'treeMethod'>) => event.tables.length === 0 && !event.treeMethod
