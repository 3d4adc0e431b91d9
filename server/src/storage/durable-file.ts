import { open, rename, mkdir } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a file so that after a crash it holds either the old or the new content, never a mix:
 * write a temp file, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, file)
  await syncDir(path.dirname(file))
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
