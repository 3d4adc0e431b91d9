import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'

/** Whether any file in the data folder `dir` (boards, logs, the event store) holds `text`, as bytes. */
export async function dataHolds(dir: string, text: string): Promise<boolean> {
  const needle = Buffer.from(text, 'utf8')
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && (await readFile(path.join(entry.parentPath, entry.name))).includes(needle)) return true
  return false
}
