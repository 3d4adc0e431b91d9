import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { type ActorMapView, actorMapSnapshot, openActorMap, subscribeActorMap } from './actor-map-connection.js'

/** Actor map writes for components: they go through the connection, which components never hold. */
export { type ActorMapView, writeActorMap } from './actor-map-connection.js'

/** Keeps the event's actor map open while mounted and returns what it holds now. */
export function useActorMap(eventId: string, token: string | null): ActorMapView {
  useEffect(() => {
    if (!token) return
    return openActorMap(eventId, token)
  }, [eventId, token])
  const subscribe = useCallback((listener: () => void) => subscribeActorMap(eventId, listener), [eventId])
  return useSyncExternalStore(subscribe, () => actorMapSnapshot(eventId))
}
