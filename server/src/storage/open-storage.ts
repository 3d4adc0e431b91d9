import path from 'node:path'
import { openFileBoardStore } from './file-board-store.js'
import { openLowdbEventStore } from './lowdb-event-store.js'
import type { Storage } from './storage.js'

/** The default embedded store in a data folder: `events.json` (lowdb) and `boards/` (Yjs logs). */
export async function openStorage(dataDir: string): Promise<Storage> {
  const events = await openLowdbEventStore(path.join(dataDir, 'events.json'))
  const boards = await openFileBoardStore(path.join(dataDir, 'boards'))
  return { events, boards, close: () => boards.close() }
}

export const eventStoreFile = (dataDir: string) => path.join(dataDir, 'events.json')
