import { appendFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openFileBoardStore } from '../src/storage/file-board-store.js'
import { tempDataDir } from './helpers/temp-dir.js'

describe('deleting a board (retention, "Veranstaltung löschen")', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined
  afterEach(async () => data?.remove())

  it('removes the copies the app kept of its damaged files too, and nothing of other boards', async () => {
    data = await tempDataDir('board-copies')
    const dir = path.join(data.dir, 'boards')
    const first = await openFileBoardStore(dir)
    await first.append('board.altstadt.sprache', [new Uint8Array([1, 2, 3])])
    await first.append('board.altstadt.sprache-2', [new Uint8Array([4, 5, 6])])
    await first.close()
    // Copies an earlier run kept, and a torn last frame of the log (a crash mid-write).
    for (const copy of ['board.altstadt.sprache.ysnap.damaged', 'board.altstadt.sprache-2.ysnap.damaged'])
      await writeFile(path.join(dir, copy), 'Karte mit Text')
    await appendFile(path.join(dir, 'board.altstadt.sprache.ywal'), Uint8Array.from([9, 0, 0, 0, 1]))
    const store = await openFileBoardStore(dir)
    // Reading the board cuts the torn frame off and keeps a copy of the log as it was.
    expect(await store.load('board.altstadt.sprache')).toHaveLength(1)
    expect((await readdir(dir)).filter((f) => f.startsWith('board.altstadt.sprache.ywal.damaged-'))).toHaveLength(1)
    await store.remove('board.altstadt.sprache')
    expect((await readdir(dir)).sort()).toEqual(['board.altstadt.sprache-2.ysnap.damaged', 'board.altstadt.sprache-2.ywal'])
    await store.close()
  })
})
