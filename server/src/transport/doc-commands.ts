import type { ClientEventName } from '@tischrunde/shared'

/**
 * Where each command may run with several nodes: `doc` reads or writes the event's docs (boards,
 * moderation, votes, groups, trees, actors), so only the node that serves the event runs it (another
 * node would judge on a stale copy); `any` works on the event's state in the shared store, on any
 * node. Every command is named here (the type asks for each), so a new one cannot be left out.
 */
const COMMAND_PLACES: Record<ClientEventName, 'doc' | 'any'> = {
  // Presence is counted by the node that serves the event (see sendPresence).
  'presence:table': 'doc',
  'round:advance': 'any',
  'round:back': 'any',
  'round:end': 'any',
  'round:pause': 'any',
  'round:resume': 'any',
  'round:configure': 'any',
  'timer:extend': 'any',
  'timer:set': 'any',
  'timer:start': 'any',
  'projector:show': 'any',
  'station:lock': 'any',
  'event:update': 'any',
  'event:display': 'any',
  'card:moderate': 'doc',
  'station:moderation': 'doc',
  'station:reveal': 'doc',
  'vote:open': 'doc',
  'vote:freeze': 'doc',
  'vote:show': 'doc',
  'vote:order': 'doc',
  'vote:cast': 'doc',
  'groups:edit': 'doc',
  'cards:move': 'doc',
  'actors:refresh': 'doc',
  'tree:objectives': 'doc',
  'tree:configure': 'doc',
  'tree:join': 'doc',
  'programme:get': 'any',
  'programme:choose': 'any',
  'programme:lookup': 'any',
  'programme:save': 'any',
  'programme:shift': 'any',
  'programme:workshop': 'any',
  'programme:move': 'any',
  'programme:roster': 'any',
}

/** Commands that read or write the event's docs: only the node that serves the event runs them. */
export const DOC_COMMANDS: ReadonlySet<string> = new Set(Object.entries(COMMAND_PLACES).flatMap(([name, place]) => (place === 'doc' ? [name] : [])))
