import { readdir, writeFile } from 'node:fs/promises'
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
    const store = await openFileBoardStore(dir)
    await store.append('board.altstadt.sprache', [new Uint8Array([1, 2, 3])])
    await store.append('board.altstadt.sprache-2', [new Uint8Array([4, 5, 6])])
    for (const copy of ['board.altstadt.sprache.ysnap.damaged', 'board.altstadt.sprache.ywal.damaged-1796006145515', 'board.altstadt.sprache-2.ysnap.damaged'])
      await writeFile(path.join(dir, copy), 'Karte mit Text')
    await store.remove('board.altstadt.sprache')
    expect((await readdir(dir)).sort()).toEqual(['board.altstadt.sprache-2.ysnap.damaged', 'board.altstadt.sprache-2.ywal'])
    await store.close()
  })
})
