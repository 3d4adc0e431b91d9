import { appendFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openFileBoardStore } from './file-board-store.js'

/** A board's card updates, as a phone writes them. */
function cardUpdates(count: number, from = 0): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = from; i < from + count; i++) doc.getMap('cards').set(`c${i}`, `Karte ${i}`)
  return updates
}

/** One log frame as the store writes it: length, CRC-32, body (the CRC is not checked by what follows). */
function frame(body: Uint8Array, crc: number): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32LE(body.length, 0)
  head.writeUInt32LE(crc >>> 0, 4)
  return Buffer.concat([head, body])
}

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-log-'))
  dirs.push(dir)
  return dir
}
const logFile = async (dir: string) => path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.ywal'))!)

describe('a board log on disk', () => {
  it('is only read, never cut, by a look at its files while it is open and written', async () => {
    const dir = await folder()
    const store = await openFileBoardStore(dir)
    const name = 'board.cafe-test.sprache'
    const first = cardUpdates(3)
    await store.append(name, first)
    const file = await logFile(dir)
    const synced = (await stat(file)).size
    // A frame being written as the look happens: its first half is in the file.
    const next = cardUpdates(1, 3)[0]!
    const { crc32 } = await import('./crc32.js')
    const whole = frame(next, crc32(next))
    await appendFile(file, whole.subarray(0, 10))
    expect(await store.load(name)).toHaveLength(3)
    // Nothing cut, no copy taken, and the log still counts what it synced.
    expect((await stat(file)).size).toBe(synced + 10)
    expect((await readdir(dir)).filter((f) => f.includes('.damaged'))).toEqual([])
    expect(store.logSize(name)).toEqual({ frames: 3, bytes: synced })
    // The frame's rest lands: after a restart every frame is there.
    await appendFile(file, whole.subarray(10))
    await store.close()
    const again = await openFileBoardStore(dir)
    const copy = new Y.Doc()
    for (const u of await again.load(name)) Y.applyUpdate(copy, u)
    expect(Object.keys(copy.getMap('cards').toJSON()).sort()).toEqual(['c0', 'c1', 'c2', 'c3'])
    await again.close()
  })

  it('ends at zero bytes after its last frame (a file grown but not written before a power cut), with a copy kept', async () => {
    const dir = await folder()
    const store = await openFileBoardStore(dir)
    const name = 'board.cafe-test.wohnen'
    await store.append(name, cardUpdates(2))
    await store.close()
    const file = await logFile(dir)
    const written = (await stat(file)).size
    await appendFile(file, Buffer.alloc(64))
    const again = await openFileBoardStore(dir)
    const updates = await again.load(name)
    // Zero bytes pass as empty frames (the CRC of nothing is 0), and an empty update breaks the board's load.
    expect(updates.every((u) => u.length > 0)).toBe(true)
    const copy = new Y.Doc()
    for (const u of updates) Y.applyUpdate(copy, u)
    expect(copy.getMap('cards').toJSON()).toEqual({ c0: 'Karte 0', c1: 'Karte 1' })
    expect((await stat(file)).size).toBe(written)
    expect((await readdir(dir)).some((f) => f.includes('.damaged'))).toBe(true)
    expect((await readFile(file)).length).toBe(written)
    await again.close()
  })
})
