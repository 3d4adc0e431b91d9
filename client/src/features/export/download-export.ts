import { type ExportProgress, type Failure, exportProgressSchema, failureSchema } from '@tischrunde/shared'

/** How often a waiting console asks how far its export is, in ms. */
export const PROGRESS_POLL_MS = 1000
/**
 * How long past the server's job limit the console still waits without hearing of its export
 * before it gives up by itself (a lost proxy, a server gone quiet), in ms. The server reports its
 * limit with the progress; {@link FALLBACK_LIMIT_MS} until it has.
 */
export const GRACE_MS = 15_000
export const FALLBACK_LIMIT_MS = 120_000

/** What came of one download: the file, or why not (a failure from the server, or the network). */
export type DownloadOutcome =
  | { ok: true; blob: Blob; fileName: string }
  | { ok: false; status: number; failure: Failure | null }
  | { ok: false; status: 0; failure: { code: 'NETWORK' } }

/** A name for one download, so its progress can be asked for (random enough; no secure context needed). */
export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** The file name the server chose (`attachment; filename="…"`), ASCII by construction. */
export function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')
  return match?.[1] ?? fallback
}

async function failureOf(res: Response): Promise<Failure | null> {
  try {
    const parsed = failureSchema.safeParse(await res.json())
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Downloads one export (`path` under the event's API address), asking every second how far it
 * is (`onProgress`). While the server reports the job it is alive and stops the job itself at its
 * limit (TIMED_OUT); when it has not reported it for longer than that limit and a grace, the
 * console gives up with TIMED_OUT: a long day's ZIP shows its files counting up, never a silent hang.
 */
export async function downloadExport(opts: {
  base: string
  path: string
  token: string
  fallbackName: string
  onProgress: (progress: ExportProgress) => void
}): Promise<DownloadOutcome> {
  const job = newJobId()
  const headers = { authorization: `Bearer ${opts.token}` }
  const abort = new AbortController()
  let limitMs = FALLBACK_LIMIT_MS
  let gaveUp = false
  let lastHeard = Date.now()
  const poll = setInterval(() => {
    if (Date.now() - lastHeard > limitMs + GRACE_MS) {
      gaveUp = true
      abort.abort()
      return
    }
    fetch(`${opts.base}/export-progress?job=${job}`, { headers })
      .then(async (res) => {
        const progress = res.ok ? exportProgressSchema.safeParse(await res.json()) : null
        if (!progress?.success || abort.signal.aborted) return
        limitMs = progress.data.limitMs
        lastHeard = Date.now()
        opts.onProgress(progress.data)
      })
      .catch(() => {}) // a missed progress report only means the bar waits a second longer
  }, PROGRESS_POLL_MS)
  try {
    const sep = opts.path.includes('?') ? '&' : '?'
    const res = await fetch(`${opts.base}${opts.path}${sep}job=${job}`, { headers, signal: abort.signal })
    if (!res.ok) return { ok: false, status: res.status, failure: await failureOf(res) }
    return { ok: true, blob: await res.blob(), fileName: fileNameOf(res, opts.fallbackName) }
  } catch {
    if (gaveUp) return { ok: false, status: 504, failure: { code: 'TIMED_OUT', params: { what: 'export', seconds: Math.round(limitMs / 1000) } } }
    return { ok: false, status: 0, failure: { code: 'NETWORK' } }
  } finally {
    clearInterval(poll)
    abort.abort()
  }
}
