import { copyFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEvent } from '../../test/helpers/api.js'
import { connectPhone } from '../../test/helpers/board-client.js'
import { type RunningServer, startServer } from '../../test/helpers/in-process-server.js'
import { tempDataDir } from '../../test/helpers/temp-dir.js'
import { waitFor } from '../../test/helpers/wait.js'

/**
 * The shown actor map's first version (`actormap.<event>`) was keyed by ids made of card words,
 * which a Yjs doc keeps for ever: its stored copies must not outlive the update.
 */
describe('stored shown actor maps of the first version', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer | undefined
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('are deleted from the data folder when the server starts; the event’s own docs stay', async () => {
    data = await tempDataDir('actor-map-first-version')
    running = await startServer(data.dir)
    const cafe = await createEvent(running.url, { title: 'Bündnis-Café', tableNames: ['Arbeit'] })
    const phone = await connectPhone(running.url, cafe.event.id, 'arbeit', cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'card-first-1', stationId: 'station-1', columnId: 'laeuft-gut', text: 'Familie Yilmaz aus Zimmer 12' }))
    await phone.saved()
    phone.destroy()
    await running.close()
    running = undefined
    // A copy of the first version's shown map, as an earlier version of the server left it.
    const boards = path.join(data.dir, 'boards')
    const board = (await readdir(boards)).find((f) => f.startsWith('board.') && f.endsWith('.ywal'))!
    const old = `actormap.${cafe.event.id}.ywal`
    await copyFile(path.join(boards, board), path.join(boards, old))

    running = await startServer(data.dir)
    await waitFor(async () => !(await readdir(boards)).includes(old) || undefined, 'the first version’s copy to go')
    expect(await readdir(boards)).toContain(board)
  })
})
