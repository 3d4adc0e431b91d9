import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A fresh folder under the OS temp dir; `remove` deletes it with everything in it. */
export async function tempDataDir(label = 'data'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `tischrunde-${label}-`))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
