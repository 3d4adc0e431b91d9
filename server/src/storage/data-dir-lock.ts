import { mkdir, open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * One process at a time may write a data folder: a second server, or `npm run seed` while the
 * server runs, would interleave writes. A lock left by a crashed process (its pid is gone) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const file = path.join(dataDir, 'tischrunde.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(file, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim())
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`Der Datenordner ${dataDir} wird schon von einem laufenden Tischrunde-Prozess (pid ${pid}) benutzt. Bitte diesen zuerst beenden.`)
      }
      await rm(file, { force: true })
    }
  }
  throw new Error(`Konnte ${file} nicht anlegen.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
