import { afterEach, describe, expect, it, vi } from 'vitest'
import { FALLBACK_LIMIT_MS, GRACE_MS, PROGRESS_POLL_MS, downloadExport } from './download-export.js'

/** A server that never answers the download; progress answers `progress` (or 404 when there is none). */
function silentServer(progress: () => object | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: { signal?: AbortSignal }) => {
      if (url.includes('/export-progress?')) {
        const p = progress()
        return Promise.resolve(p ? Response.json(p) : new Response('{"code":"NOT_FOUND"}', { status: 404 }))
      }
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }),
  )
}

const start = () => downloadExport({ base: '/api/events/e', path: '/export.zip', token: 't', fallbackName: 'e.zip', onProgress: () => {} })

describe('downloading an export', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('gives up with TIMED_OUT when the server has not reported the job for longer than the limit and a grace', async () => {
    vi.useFakeTimers()
    silentServer(() => null)
    const outcome = start()
    await vi.advanceTimersByTimeAsync(FALLBACK_LIMIT_MS + GRACE_MS + 2 * PROGRESS_POLL_MS)
    expect(await outcome).toEqual({ ok: false, status: 504, failure: { code: 'TIMED_OUT', params: { what: 'export', seconds: 120 } } })
  })

  it('keeps waiting while the server still reports the job, however long it was queued', async () => {
    vi.useFakeTimers()
    silentServer(() => ({ done: 3, total: 49, elapsedMs: 1000, limitMs: 120_000 }))
    let settled = false
    void start().then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(FALLBACK_LIMIT_MS + GRACE_MS + 10 * PROGRESS_POLL_MS)
    expect(settled).toBe(false)
  })
})
