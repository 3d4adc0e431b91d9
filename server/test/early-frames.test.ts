import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, boardCloseCode, boardDocName } from '@tischrunde/shared'
import { api, createEvent } from './helpers/api.js'
import { connectBoard } from './helpers/board-client.js'
import { carriedPhone } from './helpers/carried-phone.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/** What a doc socket's upgrade answers: 'open', or the refusal's message (`upgrade answered 429`). */
async function upgradeOf(url: string, eventId: string, token: string): Promise<string> {
  try {
    const p = await carriedPhone(url, eventId, 'sprache', token, null)
    p.close()
    return 'open'
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * While a doc loads, a doc socket's frames wait in memory. A client that sends more than any client
 * of ours sends before the first answer (several 2 MiB frames) is closed at once, not held.
 */
describe('frames a doc socket sends while its doc loads are bounded in bytes', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  /** Opens the loading of the table's board again; while shut, the board loads slowly (a large board from a slow disk). */
  let openLoad: () => void = () => {}
  const join = async () => (await api<{ token: string }>(running.url, '/api/join', { method: 'POST', body: { code: cafe.joinCode } })).body.token

  beforeAll(async () => {
    data = await tempDataDir('early-frames')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café mit großem Tisch', tableNames: ['Sprache'] })
    const boards = running.server.storage.boards
    const load = boards.load.bind(boards)
    const name = boardDocName(cafe.event.id, 'sprache')
    let shut: Promise<void> | null = null
    boards.load = async (doc: string) => {
      if (doc === name && shut) await shut
      return load(doc)
    }
    shut = new Promise<void>((resolve) => (openLoad = resolve))
  })
  afterAll(async () => {
    openLoad()
    await running?.close()
    await data?.remove()
  })

  it('closes a socket that sends more than 4 MiB before its doc is there (TOO_MANY_MESSAGES), keeps out its reconnects, and lets a phone in', async () => {
    const token = await join()
    for (let i = 0; i < 3; i++) {
      const hostile = await carriedPhone(running.url, cafe.event.id, 'sprache', token, null)
      // Three frames of 1.5 MiB each, each under the 2 MiB a frame may have: 4.5 MiB together.
      for (let f = 0; f < 3; f++) hostile.raw(new Uint8Array(1.5 * 1024 * 1024))
      // Closed while the doc still loads: the server does not wait to hold it all.
      expect((await hostile.closed()).code).toBe(boardCloseCode('TOO_MANY_MESSAGES'))
    }
    // Noted as an offender: after three such closes its reconnects wait out the backoff.
    expect(await upgradeOf(running.url, cafe.event.id, token)).toBe('upgrade answered 429')

    // A phone of ours that connects meanwhile gets its board once it has loaded.
    const phone = connectBoard(running.url, cafe.event.id, 'sprache', await join())
    let synced = false
    void phone.synced().then(() => (synced = true))
    openLoad()
    await waitFor(() => synced || undefined, 'the phone’s board after the slow load')
    phone.destroy()
  })
})
