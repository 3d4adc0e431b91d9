import { ftruncateSync, writeSync } from 'node:fs'
import { copyFile, mkdir, open, readFile, readdir, rm, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { BoardFileError } from './storage-error.js'
import { crc32 } from './crc32.js'
import { createDiskSync } from './disk-sync.js'
import { removeStaleTempFiles, syncDir, writeFileDurably } from './durable-file.js'
import type { BoardStore } from './storage.js'

/** Bytes of a frame header: length (u32) and CRC-32 (u32), little-endian. */
const HEADER = 8
/** A frame larger than this is treated as damage, not data (updates are capped far below). */
const MAX_FRAME = 64 * 1024 * 1024

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,200}$/

/**
 * A doc name as a file name that is the same on case-insensitive file systems: upper-case letters
 * (participant ids) become `_` and the letter, `_` becomes `__`. Board names have neither and keep
 * the names older versions wrote.
 */
export function fileBaseOf(docName: string): string {
  return docName.replace(/[A-Z_]/g, (c) => (c === '_' ? '__' : `_${c.toLowerCase()}`))
}

/** The doc name a file name stands for (the inverse of `fileBaseOf`). */
export function docNameOfFile(base: string): string {
  return base.replace(/_(_|[a-z])/g, (_m, c: string) => (c === '_' ? '_' : c.toUpperCase()))
}

/**
 * Board docs on disk: per doc a snapshot file (`.ysnap`, written atomically) and an append-only log
 * of updates (`.ywal`, length- and CRC-framed, fsync'd before `append` resolves). Saving a card
 * appends a few hundred bytes instead of rewriting the store; `compact` folds the log into the
 * snapshot. A torn last frame (a crash mid-write, never acknowledged) is cut off at load, after a
 * copy of the log was kept. Snapshot temp files a crash left behind are removed at open.
 */
export async function openFileBoardStore(dir: string): Promise<BoardStore> {
  await mkdir(dir, { recursive: true })
  // Half-written snapshots of a crash (or of a compaction the disk had no room for) take space only.
  await removeStaleTempFiles(dir, (name) => name.endsWith('.ysnap'))
  const logs = new Map<string, OpenLog>()
  /**
   * The docs with files, read once at open and kept by this store (the only writer of the folder,
   * which the data folder's lock keeps to one process): `has` asks it, not the folder, every time a
   * phone opens and its event's moderation state is looked up.
   */
  const files = await readdir(dir)
  const stored = new Set(docsOf(files))
  /** The copies kept of damaged files (`….damaged`, `….damaged-<time>`), so a doc's removal need not read the folder. */
  const damaged = new Set(files.filter((file) => file.includes('.damaged')))
  /** One disk under the folder: whether syncs run on the loop or in the pool is decided for all its logs. */
  const diskSync = createDiskSync()

  const fileOf = (docName: string, ext: 'ysnap' | 'ywal') => {
    const base = fileBaseOf(docName)
    if (!SAFE_NAME.test(base)) throw new Error(`unsafe doc name: ${docName}`)
    return path.join(dir, `${base}.${ext}`)
  }

  async function logOf(docName: string) {
    let log = logs.get(docName)
    if (!log) {
      log = { handle: await open(fileOf(docName, 'ywal'), 'a', 0o600), frames: 0, bytes: 0, syncs: new Set(), diskSync }
      logs.set(docName, log)
      stored.add(docName)
    }
    return log
  }

  return {
    async load(docName) {
      // A doc whose log is open is being written: a look at its files only reads. Cutting "a torn
      // end" there would cut a frame being written, and counting the frames read would forget those
      // synced meanwhile (a later failed write cut the log back to that count: acknowledged cards gone).
      const writing = logs.has(docName)
      const updates: Uint8Array[] = []
      const snapFile = fileOf(docName, 'ysnap')
      const snapshot = await readIfExists(snapFile)
      if (snapshot) {
        // The snapshot is written atomically, so damage came from outside: never build on it (a
        // compaction would overwrite the only copy). The board stays closed until it is repaired.
        const problem = snapshotProblem(snapshot)
        if (problem) {
          const copy = await keepCopy(snapFile)
          damaged.add(path.basename(copy))
          throw new BoardFileError(snapFile, problem, copy)
        }
        updates.push(snapshot)
      }
      const walFile = fileOf(docName, 'ywal')
      const wal = await readIfExists(walFile)
      let frames = 0
      let good = 0
      if (wal) {
        const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength)
        while (good + HEADER <= wal.length) {
          const len = view.getUint32(good, true)
          const crc = view.getUint32(good + 4, true)
          // No update is empty: zero bytes at the end (a file grown but not written before a power
          // cut) would pass as empty frames (the CRC of nothing is 0) and break the board's load.
          if (len === 0 || len > MAX_FRAME || good + HEADER + len > wal.length) break
          const body = wal.subarray(good + HEADER, good + HEADER + len)
          if (crc32(body) !== crc) break
          updates.push(body)
          frames++
          good += HEADER + len
        }
        if (good < wal.length && !writing) {
          const copy = `${walFile}.damaged-${Date.now()}`
          await copyFile(walFile, copy)
          damaged.add(path.basename(copy))
          const handle = await open(walFile, 'r+')
          await handle.truncate(good)
          await handle.sync()
          await handle.close()
        }
      }
      // A doc never written gets its file with its first write (`append`): opening one creates nothing
      // on the disk (a participant's own copy of each table, opened and left, took a file each).
      if (writing || (!snapshot && !wal)) return updates
      const log = await logOf(docName)
      log.frames = frames
      log.bytes = good
      return updates
    },

    async append(docName, updates, written) {
      if (updates.length === 0) return
      const log = await logOf(docName)
      const sync = writeFrames(log, updates)
      written?.()
      await sync()
    },

    appendNow(docName, updates) {
      const log = logs.get(docName)
      if (!log || updates.length === 0) return null
      return writeFrames(log, updates)
    },

    async compact(docName, snapshot) {
      await writeFileDurably(fileOf(docName, 'ysnap'), snapshot)
      const log = await logOf(docName)
      await log.handle.truncate(0)
      await log.handle.sync()
      log.frames = 0
      log.bytes = 0
    },

    logSize(docName) {
      const log = logs.get(docName)
      return { frames: log?.frames ?? 0, bytes: log?.bytes ?? 0 }
    },

    async remove(docName) {
      const log = logs.get(docName)
      if (log) await closeLog(log)
      logs.delete(docName)
      stored.delete(docName)
      await rm(fileOf(docName, 'ysnap'), { force: true })
      await rm(fileOf(docName, 'ywal'), { force: true })
      // The copies kept of damaged files go too: a deleted doc leaves no trace (data protection).
      const copies = new Set([`${path.basename(fileOf(docName, 'ysnap'))}.damaged`])
      const walCopy = `${path.basename(fileOf(docName, 'ywal'))}.damaged-`
      for (const file of damaged) {
        if (!copies.has(file) && !file.startsWith(walCopy)) continue
        await rm(path.join(dir, file), { force: true })
        damaged.delete(file)
      }
      await syncDir(dir)
    },

    async release(docName) {
      // Out of the map first: a room opened meanwhile opens a handle of its own.
      const log = logs.get(docName)
      logs.delete(docName)
      if (log) await closeLog(log)
    },

    list: () => listDir(dir),

    has: async (docName) => stored.has(docName),

    async close() {
      for (const log of logs.values()) await closeLog(log)
      logs.clear()
    },
  }
}

/** A doc's open log, and how far it is synced (frames and bytes). */
interface OpenLog {
  handle: FileHandle
  frames: number
  bytes: number
  /** Syncs of the log in flight (see `dataSync`). */
  syncs: Set<Promise<void>>
  /** fdatasync(2), on the loop or in the pool (see `createDiskSync`). */
  diskSync: (fd: number) => Promise<void>
}

/**
 * Writes updates as frames at the end of a log, synchronously: a few hundred bytes into the page
 * cache cost less than a trip through the thread pool, and they survive a crash of this process at
 * once. Returns the sync to the disk, after which the log counts them. A write or sync that fails
 * (a full disk can take half a frame) cuts the log back to what was synced before, or a retried
 * batch would sit behind a torn frame and be cut off itself at the next start.
 */
function writeFrames(log: OpenLog, updates: readonly Uint8Array[]): () => Promise<void> {
  let total = 0
  for (const u of updates) total += HEADER + u.length
  const buf = new Uint8Array(total)
  const view = new DataView(buf.buffer)
  let at = 0
  for (const u of updates) {
    view.setUint32(at, u.length, true)
    view.setUint32(at + 4, crc32(u), true)
    buf.set(u, at + HEADER)
    at += HEADER + u.length
  }
  try {
    // One write call may take only part of the buffer (a nearly full disk): write the rest too.
    for (let done = 0; done < buf.length; ) done += writeSync(log.handle.fd, buf, done, buf.length - done)
  } catch (error) {
    cutBack(log)
    throw error
  }
  return async () => {
    try {
      await dataSync(log)
    } catch (error) {
      cutBack(log)
      throw error
    }
    log.frames += updates.length
    log.bytes += total
  }
}

/**
 * fdatasync(2) of a log: on the loop while syncs take a small share of its time, else in the pool by the
 * callback API, which hands the call over in about half the main thread's time of
 * `FileHandle.datasync()` (40–55 against 70–95 µs here). Unlike the handle's own calls it is not
 * waited for by `FileHandle.close()`: `closeLog` does.
 */
function dataSync(log: OpenLog): Promise<void> {
  const sync = log.diskSync(log.handle.fd)
  log.syncs.add(sync)
  const done = () => void log.syncs.delete(sync)
  sync.then(done, done)
  return sync
}

/**
 * Closes a log once its syncs in flight are done. libuv's pool runs a sync queued before the close
 * first, and the kernel holds the file while it syncs, so this only closes a narrow gap: a sync must
 * never fail on a closed file, or sync another file that took its number.
 */
async function closeLog(log: OpenLog): Promise<void> {
  await Promise.allSettled([...log.syncs])
  await log.handle.close()
}

function cutBack(log: OpenLog): void {
  try {
    ftruncateSync(log.handle.fd, log.bytes)
  } catch {
    // The next start cuts a torn frame off all the same.
  }
}

/** Why a snapshot cannot be used, or null. */
function snapshotProblem(snapshot: Uint8Array): string | null {
  if (snapshot.length === 0) return 'die Datei ist leer'
  if (snapshot.every((b) => b === 0)) return 'die Datei enthält nur Nullbytes'
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, snapshot)
    return scratch.store.pendingStructs ? 'unvollständig (abgeschnitten?)' : null
  } catch {
    return 'kein gültiger Board-Stand (abgeschnitten?)'
  } finally {
    scratch.destroy()
  }
}

/** Copies a damaged file once to `<file>.damaged` (every later attempt finds the copy in place). */
async function keepCopy(file: string): Promise<string> {
  const copy = `${file}.damaged`
  const exists = await stat(copy).then(() => true, () => false)
  if (!exists) await copyFile(file, copy)
  return copy
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/** The docs that have a file in the folder. */
async function listDir(dir: string): Promise<string[]> {
  return docsOf(await readdir(dir))
}

/** The docs some of the folder's files belong to. */
function docsOf(files: readonly string[]): string[] {
  const names = new Set<string>()
  for (const file of files) {
    const m = /^(.+)\.(ysnap|ywal)$/.exec(file)
    if (m) names.add(docNameOfFile(m[1]!))
  }
  return [...names]
}
