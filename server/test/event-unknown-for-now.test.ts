import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BoardCloseCode } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/**
 * After a write the store refused (a Redis outage), the server reads the event again; until then it
 * does not know it. A phone writing in that window must not be told "deleted" — phones take that as
 * final, stop reconnecting and show "Veranstaltung gelöscht" — but come back and have its card stored.
 */
describe('a board write while the event is not known to the server for a moment', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer

  beforeAll(async () => {
    data = await tempDataDir('event-unknown')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('closes the phone as at a storage failure, never as deleted; the phone comes back and its card is stored', async () => {
    const cafe = await createEvent(running.url, { title: 'Café im Ausfall', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    const table = cafe.event.tables[0]!.id
    const phone = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    const { events } = running.server
    const known = events.current.bind(events)
    events.current = () => undefined
    try {
      phone.put(phone.card({ id: 'card-im-ausfall', text: 'Geschrieben, während der Server liest' }))
      await waitFor(() => phone.closeCodes.length > 0, 'the phone closed')
      expect(phone.closeCodes).not.toContain(BoardCloseCode.NOT_FOUND)
      expect(phone.closeCodes[0]).toBe(BoardCloseCode.STORAGE_FAILED)
      expect(phone.isSaved()).toBe(false)
    } finally {
      events.current = known
    }
    await phone.saved(5000)
    expect(phone.closeCodes).not.toContain(BoardCloseCode.NOT_FOUND)
    phone.destroy()
  })
})
