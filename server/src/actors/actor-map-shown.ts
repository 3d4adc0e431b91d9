import { ACTORS_ROOT, SHOWN_ACTOR_MAP_BEFORE, SHOWN_ACTOR_ROOTS, type ShownKeyOf, actorMapShownKind, resolveDocName, showActorMap } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { Credentials } from '../access/credentials.js'
import type { DocRooms } from '../boards/doc-rooms.js'
import { actorMapDocName } from './build-actor-map.js'

/**
 * The keys of an event's shown map: each actor under a pseudonym of its id (made from a card's words),
 * the areas under their own ids.
 */
export function shownKeys(credentials: Pick<Credentials, 'pseudonym'>, eventId: string): ShownKeyOf {
  return (root, key) => (root === ACTORS_ROOT ? `p${credentials.pseudonym('shown-actor', `${eventId}/${key}`)}` : key)
}

/**
 * Keeps each loaded shown actor map (`actorview.<event>`, what phones and projectors open) in line
 * with the event's actor map (`actors.<event>`): once when it loads, then with every change of the
 * actor map, record by record, leaving out the contact person, each actor under a pseudonym. The
 * actor map is held as the shown map's companion while it is loaded, so it unloads with it.
 * Stored copies of the shown map's first version (keyed by ids made of card words) are deleted.
 */
export function showActorMaps(rooms: DocRooms, credentials: Pick<Credentials, 'pseudonym'>, log: Logger): void {
  void deleteFirstVersions(rooms, log)
  rooms.onLoaded.push(async (shown) => {
    const resolved = resolveDocName(shown.name, rooms.kinds)
    if (resolved?.kind.name !== actorMapShownKind.name) return
    const keyOf = shownKeys(credentials, resolved.scope.eventId)
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
      if (!gone) shown.writeAsServer((doc) => void showActorMap(source.doc, doc, keyOf, keys), 'server')
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

/** Deletes the stored copies of the shown map's first version (`actormap.<event>`): their keys held the words of cards. */
async function deleteFirstVersions(rooms: DocRooms, log: Logger): Promise<void> {
  try {
    for (const name of await rooms.names()) if (name.startsWith(`${SHOWN_ACTOR_MAP_BEFORE}.`)) await rooms.remove(name)
  } catch (error) {
    log.error({ err: error }, 'could not delete the shown actor maps of the first version')
  }
}
