import type { Programme } from '../programme/programme.schema.js'
import { groupsOf } from '../kinds/tree/groups.js'
import type { TischEvent } from './event.schema.js'

/** What an event is made of, as an event list names it: theme tables, small groups (tree day) or workshops (programme). */
export type EventContents = { kind: 'tables' | 'groups' | 'workshops'; count: number }

/**
 * The event's parts for an overview: its theme tables; without tables, the groups of its tree
 * method, or else the workshops of its programme (when it has any).
 */
export function eventContents(event: Pick<TischEvent, 'tables' | 'treeMethod'>, programme: Programme | null): EventContents {
  if (event.tables.length > 0) return { kind: 'tables', count: event.tables.length }
  if (event.treeMethod) return { kind: 'groups', count: groupsOf(event.treeMethod).length }
  const workshops = programme?.items.reduce((sum, item) => sum + item.workshops.length, 0) ?? 0
  return workshops > 0 ? { kind: 'workshops', count: workshops } : { kind: 'tables', count: 0 }
}
