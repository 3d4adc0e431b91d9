import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EventExport } from '@tischrunde/shared'
import { KOELN_EVENT_ID, koelnEvent } from '@tischrunde/fixtures'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

/*
 * The seed puts whole events in place (`npm run seed`, the demo at the first start). When it fails
 * half-way, nothing of a new event stays: otherwise the next run finds the half event "already
 * there" and leaves it as it is.
 */

/** The Köln day with a results board of workshop 1, so the seed's last step has something to write. */
function koelnWithBoard(text = 'Eine Anlaufstelle für alle Ämter'): EventExport {
  return { ...koelnEvent(), workshopBoards: [{ workshopId: 'workshop-1', columns: [{ columnId: 'ergebnisse', cards: [{ text, subPoints: [] }] }] }] }
}

describe('a seed that fails half-way', () => {
  let running: RunningServer | undefined
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await running?.close()
    await data?.remove()
    running = data = undefined
  })
  const serve = async () => {
    data = await tempDataDir('seed-half')
    running = await startServer(data.dir)
    return running.server
  }

  it('leaves no event behind when an item of the file cannot be written, and a second run seeds it whole', async () => {
    const server = await serve()
    // A card the board refuses (as a fixture bug would carry it), after event and programme were stored.
    const bad = koelnWithBoard('x'.repeat(5000))
    await expect(server.transfer.seed(bad, { reset: false, now: Date.now() })).rejects.toThrow()
    expect(await server.events.get(KOELN_EVENT_ID)).toBeUndefined()

    const { created, stored } = await server.transfer.seed(koelnWithBoard(), { reset: false, now: Date.now() })
    expect(created).toBe(true)
    expect(stored.event.title).toBe(koelnEvent().event.title)
    expect((await server.programme.storedProgramme(KOELN_EVENT_ID))?.items.flatMap((i) => i.workshops)).toHaveLength(10)
  })

  it('leaves no event behind when the store fails in the last step (a full disk), and a second run seeds it whole', async () => {
    const server = await serve()
    const read = server.rooms.read.bind(server.rooms)
    const failing = vi.spyOn(server.rooms, 'read').mockImplementation(async (name, fn) => {
      if (name.startsWith('workshop.')) throw new Error('ENOSPC: no space left on device (simulated)')
      return read(name, fn)
    })
    await expect(server.transfer.seed(koelnWithBoard(), { reset: false, now: Date.now() })).rejects.toThrow(/ENOSPC/)
    expect(await server.events.get(KOELN_EVENT_ID)).toBeUndefined()
    expect((await server.events.list()).map((e) => e.event.id)).not.toContain(KOELN_EVENT_ID)

    failing.mockRestore()
    const again = await server.transfer.seed(koelnWithBoard(), { reset: false, now: Date.now() })
    expect(again.created).toBe(true)
    // The programme written by the failed run is gone with it; the second run's stands.
    expect((await server.programme.state(KOELN_EVENT_ID)).version).toBe(1)
  })
})
