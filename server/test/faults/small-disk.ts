import { execFileSync } from 'node:child_process'
import { appendFile, mkdtemp, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A real full disk: a 4 MiB tmpfs (needs root to mount; the case is skipped, and says so, without). */
export async function smallDisk(): Promise<{ dir: string; release: () => Promise<void> } | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    await rmdir(dir)
    return null
  }
  return {
    dir,
    // A server just killed may still hold its files open for a moment ("target is busy"): try again,
    // then detach the mount lazily so it goes once the last file is closed.
    release: async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          execFileSync('umount', [dir], { stdio: 'ignore' })
          break
        } catch {
          if (attempt < 20) await new Promise((resolve) => setTimeout(resolve, 100))
          else {
            execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
            break
          }
        }
      }
      await rmdir(dir)
    },
  }
}

/** Fills the disk to the last byte (growing the filler file if it is there already); returns the filler file. */
export async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin')
  await appendFile(filler, '')
  for (const size of [1 << 20, 64 << 10, 4 << 10, 256, 1]) {
    try {
      for (;;) await appendFile(filler, Buffer.alloc(size))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    }
  }
  return filler
}
