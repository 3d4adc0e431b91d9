/**
 * A probe for BENCH_SERVER_IMPORT that measures what durability costs: `fs.fdatasync` and
 * `fs.fsync` answer at once without syncing, so "gespeichert" no longer waits for the disk. The
 * writes themselves still happen. Only for a measurement, never for a server anyone relies on. Writes
 * how many syncs it skipped, every 5 s, to `<tmpdir>/tischrunde-no-disk-sync-<pid>.txt` (the first
 * line names the server's script), so a run shows that the probe took effect.
 * @example BENCH_SERVER_IMPORT=bench/probes/no-disk-sync.mjs npm run bench -- --row 1000 --rate 5
 */
import { appendFileSync } from 'node:fs'
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { setInterval } from 'node:timers'

const file = path.join(tmpdir(), `tischrunde-no-disk-sync-${process.pid}.txt`)
appendFileSync(file, `${process.argv[1] ?? '?'}\n`)
let skipped = 0
const answerAtOnce = (_fd, callback) => {
  skipped++
  process.nextTick(callback, null)
}
fs.fdatasync = answerAtOnce
fs.fsync = answerAtOnce
fs.fdatasyncSync = () => void skipped++
fs.fsyncSync = () => void skipped++
// Named imports of `node:fs` (`import { fdatasync } from 'node:fs'`) see the replacements too.
syncBuiltinESMExports()
setInterval(() => appendFileSync(file, `${skipped} syncs skipped\n`), 5000).unref()
