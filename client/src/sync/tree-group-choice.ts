/**
 * The value of the tree method's attribute this device picked for an event (e.g. "großer
 * Landkreis"), kept in browser storage. Nothing here throws: a blocked storage only forgets it.
 */
const keyOf = (eventId: string) => `tischrunde.treeValue.${eventId}`

export function readTreeValue(eventId: string): string | null {
  try {
    const value = localStorage.getItem(keyOf(eventId))
    return value && value.length <= 80 ? value : null
  } catch {
    return null
  }
}

export function keepTreeValue(eventId: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(keyOf(eventId))
    else localStorage.setItem(keyOf(eventId), value)
  } catch {
    // storage full or blocked: the phone asks again next time
  }
}

const groupKeyOf = (eventId: string) => `tischrunde.treeGroup.${eventId}`

/** The group the server last placed this device in (so an offline reload still opens its tree). */
export function readTreeGroup(eventId: string): string | null {
  try {
    const value = localStorage.getItem(groupKeyOf(eventId))
    return value && /^[a-z0-9-]{1,64}$/.test(value) ? value : null
  } catch {
    return null
  }
}

export function keepTreeGroup(eventId: string, groupId: string | null): void {
  try {
    if (groupId === null) localStorage.removeItem(groupKeyOf(eventId))
    else localStorage.setItem(groupKeyOf(eventId), groupId)
  } catch {
    // storage full or blocked: the server is asked again
  }
}
