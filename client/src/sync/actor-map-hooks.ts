import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { type ActorMapCopy, type ActorMapView, actorMapSnapshot, openActorMap, subscribeActorMap } from './actor-map-connection.js'

/** Actor map writes for components: they go through the connection, which components never hold. */
export { type ActorMapView, writeActorMap } from './actor-map-connection.js'

/**
 * Keeps the event's actor map open while mounted and returns what it holds now: the copy to edit
 * (console), or the one shown to phones and projectors (`'shown'`, without contact persons).
 */
export function useActorMap(eventId: string, token: string | null, copy: ActorMapCopy = 'edit'): ActorMapView {
  useEffect(() => {
    if (!token) return
    return openActorMap(eventId, token, copy)
  }, [eventId, token, copy])
  const subscribe = useCallback((listener: () => void) => subscribeActorMap(eventId, listener, copy), [eventId, copy])
  return useSyncExternalStore(subscribe, () => actorMapSnapshot(eventId, copy))
}
