import { SHOWN_ACTOR_ROOTS, actorMapShownKind, resolveDocName, showActorMap } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { DocRooms } from '../boards/doc-rooms.js'
import { actorMapDocName } from './build-actor-map.js'

/**
 * Keeps each loaded shown actor map (`actormap.<event>`, what phones and projectors open) in line
 * with the event's actor map (`actors.<event>`): once when it loads, then with every change of the
 * actor map, record by record, leaving out the contact person. The actor map is held as the shown
 * map's companion while it is loaded, so it unloads with it.
 */
export function showActorMaps(rooms: DocRooms, log: Logger): void {
  rooms.onLoaded.push(async (shown) => {
    const resolved = resolveDocName(shown.name, rooms.kinds)
    if (resolved?.kind.name !== actorMapShownKind.name) return
    let gone = false
    shown.doc.once('destroy', () => (gone = true))
    // The shown copy is brought in line before anyone opens it: a copy stored while a card was
    // still on its board (the map followed its hiding while this copy was not loaded) must not
    // send that card's text to a phone even once.
    let source: Awaited<ReturnType<DocRooms['acquire']>>
    try {
      source = await rooms.acquire(actorMapDocName(resolved.scope.eventId))
    } catch (error) {
      log.error({ err: error, doc: shown.name }, 'could not open the actor map for its shown copy')
      throw error
    }
    if (gone) return rooms.release(source)
    shown.companions = [...shown.companions, source]
    const write = (keys?: ReadonlyMap<string, Iterable<string>>) => {
      if (!gone) shown.writeAsServer((doc) => void showActorMap(source.doc, doc, keys), 'server')
    }
    write()
    const offs = SHOWN_ACTOR_ROOTS.map((root) => {
      const map = source.doc.getMap(root)
      const follow = (event: { keysChanged: Set<string> }) => write(new Map([[root, event.keysChanged]]))
      map.observe(follow)
      return () => map.unobserve(follow)
    })
    shown.doc.once('destroy', () => offs.forEach((off) => off()))
  })
}
