import type { EventId } from '@tischrunde/shared'
import { isStorageFailure } from './storage-error.js'
import type { EventStore } from './storage.js'

/**
 * `store` with `undone` called for every write that could not be stored (a StorageFailure), before
 * the writer hears of it: whoever keeps copies of what the store showed (EventService's `current`)
 * drops the undone change first.
 */
export function watchFailedWrites(store: EventStore, undone: (id: EventId) => Promise<void>): EventStore {
  const watch =
    <A extends [EventId, ...unknown[]], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args)
      } catch (error) {
        if (isStorageFailure(error)) await undone(args[0])
        throw error
      }
    }
  return {
    list: () => store.list(),
    get: (id) => store.get(id),
    findByJoinCode: (code) => store.findByJoinCode(code),
    create: async (event, access, round) => {
      try {
        return await store.create(event, access, round)
      } catch (error) {
        if (isStorageFailure(error)) await undone(event.id)
        throw error
      }
    },
    putSetup: watch((id, expected, event) => store.putSetup(id, expected, event)),
    putAccess: watch((id, expected, access) => store.putAccess(id, expected, access)),
    putRound: watch((id, expected, round) => store.putRound(id, expected, round)),
    getRecord: (id, collection, key) => store.getRecord(id, collection, key),
    listRecords: (id, collection) => store.listRecords(id, collection),
    putRecord: watch((id, collection, key, value, expected) => store.putRecord(id, collection, key, value, expected)),
    remove: watch((id) => store.remove(id)),
    demoSeeded: () => store.demoSeeded(),
    markDemoSeeded: () => store.markDemoSeeded(),
  }
}
