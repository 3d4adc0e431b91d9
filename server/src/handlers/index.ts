import type { Handlers } from './handler.js'
import { handlePresenceTable } from './presence-table.js'

export const handlers: Handlers = {
  'presence:table': handlePresenceTable,
}
