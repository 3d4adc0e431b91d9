import { readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { boardDocName } from '@tischrunde/shared'
import { api, createEvent } from '../helpers/api.js'
import { connectBoard, connectPhone } from '../helpers/board-client.js'
import { killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

describe('fault suite: temp files a crash left in the data folder', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  it('removes the half-written temp files of a crashed server at start and leaves every other file alone', async () => {
    data = await tempDataDir('faults-temp-files')
    const boards = path.join(data.dir, 'boards')
    let child = await startChildServer(data.dir)
    const cafe = await createEvent(child.url, { title: 'Absturz beim Schreiben', tableNames: ['Ehrenamt'] })
    const table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
    const phone = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'vor-dem-absturz', text: 'Patenschaften vermitteln' }))
    await phone.saved()
    phone.destroy()
    await child.stop('SIGKILL')

    // What a crash in the middle of writing the event file and a board snapshot leaves behind.
    const board = boardDocName(cafe.event.id, table)
    const stale = [
      path.join(data.dir, `events.json.${child.pid}.tmp`),
      path.join(data.dir, `server.key.${child.pid}.tmp`),
      path.join(boards, `${board}.ysnap.${child.pid}.tmp`),
    ]
    for (const file of stale) await writeFile(file, Buffer.alloc(512 * 1024, '{"events":[{"ev'))
    const foreign = [
      path.join(data.dir, 'events.json.backup-1764460800000'),
      path.join(data.dir, 'events.json.tmp'),
      path.join(data.dir, 'notizen.4242.tmp'),
      path.join(boards, `${board}.ywal.4242.tmp`),
      path.join(boards, 'liesmich.txt'),
    ]
    for (const file of foreign) await writeFile(file, 'nicht von Tischrunde')

    child = await startChildServer(data.dir)
    const exists = (file: string) => stat(file).then(() => true, () => false)
    const staleLeft = (await Promise.all(stale.map(exists))).filter(Boolean).length
    const foreignKept = (await Promise.all(foreign.map(exists))).filter(Boolean).length
    const event = await api<{ event: { title: string } }>(child.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })
    const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const cards = reader.cards().map((c) => c.id)
    reader.destroy()
    report(
      'stale temp files at start',
      `${stale.length - staleLeft} of ${stale.length} half-written temp files (512 KiB each) removed, ${foreignKept} of ${foreign.length} other files kept; event ${event.status}, cards ${JSON.stringify(cards)}; left: ${(await readdir(data.dir)).join(' ')}`,
    )
    expect(staleLeft).toBe(0)
    expect(foreignKept).toBe(foreign.length)
    expect(event).toMatchObject({ status: 200, body: { event: { title: 'Absturz beim Schreiben' } } })
    expect(cards).toEqual(['vor-dem-absturz'])
  })
})
