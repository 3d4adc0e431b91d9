import type { Dirent } from 'node:fs'
import { open, readdir, rename, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a file so that after a crash it holds either the old or the new content, never a mix:
 * write a temp file, fsync it, rename it over the target, fsync the folder. A write that fails (a
 * full disk) removes its temp file again, so the half-written copy does not keep the disk full.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = tempFileOf(file)
  try {
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {})
    throw error
  }
  await syncDir(path.dirname(file))
}

/** The temp file `writeFileDurably` writes before renaming it over `file`. */
const tempFileOf = (file: string) => `${file}.${process.pid}.tmp`

/**
 * Removes temp files of `writeFileDurably` that a crash left in `dir` (`<name>.<pid>.tmp`, for
 * the names `owns` accepts). Call it only while holding the data folder's lock, before the first
 * write: then no other writer can be using them. Other files are left alone. Returns what it removed.
 */
export async function removeStaleTempFiles(dir: string, owns: (name: string) => boolean): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const stale = entries.filter((f) => {
    const m = /^(.+)\.\d+\.tmp$/.exec(f.name)
    return f.isFile() && m !== null && owns(m[1]!)
  })
  for (const f of stale) await rm(path.join(dir, f.name), { force: true })
  return stale.map((f) => f.name)
}

/** fsyncs a folder so a rename or a new file in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems refuse fsync on folders; the rename is then as durable as they allow.
  } finally {
    await handle.close()
  }
}
