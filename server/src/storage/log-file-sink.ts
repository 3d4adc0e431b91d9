import { fstatSync, writeSync } from 'node:fs'

/** A log destination pino can write to. */
export interface LogSink {
  write(line: string): void
}

/**
 * When the log goes into a file (`npm start > tischrunde.log`), the log's own write path must
 * survive a full disk: pino's default destination throws on ENOSPC and then, flushing at exit,
 * retries forever, so the whole server stops. This sink writes each line synchronously and drops
 * the lines the disk does not take; once it takes lines again, a note says how many were lost.
 *
 * Returns null when `fd` is no regular file (a pipe, a terminal, the journal): pino's default
 * destination serves those (a full disk never fails them).
 */
export function logFileSink(fd = 1, now: () => number = Date.now): LogSink | null {
  try {
    if (!fstatSync(fd).isFile()) return null
  } catch {
    return null
  }
  let dropped = 0
  return {
    write(line) {
      try {
        if (dropped > 0) {
          writeSync(fd, `${JSON.stringify({ level: 40, time: now(), dropped, msg: 'log lines dropped while the disk was full' })}\n`)
          dropped = 0
        }
        writeSync(fd, line)
      } catch {
        dropped++
      }
    },
  }
}
