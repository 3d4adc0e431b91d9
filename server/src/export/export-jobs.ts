import type { ExportProgress } from './shared-export.js'
import type { ProgressListener } from './export-service.js'

/** Most downloads remembered at once; more than the runner's queue ever holds. */
const MAX_TRACKED = 64

type Tracked = { started: number; done: number; total: number }

/**
 * How far each running download is, by the event and the job name its console gave it, so the
 * console can show "Datei 12 von 125" while it waits for a long day's ZIP. Only running downloads
 * are kept: `track` returns the listener for the renderer and a function to forget the job.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Tracked>()

  constructor(private readonly limitMs: number) {}

  track(eventId: string, jobId: string | undefined): { onProgress: ProgressListener | undefined; end: () => void } {
    if (jobId === undefined) return { onProgress: undefined, end: () => {} }
    const key = `${eventId}\u0000${jobId}`
    if (this.jobs.size >= MAX_TRACKED) this.jobs.delete(this.jobs.keys().next().value!)
    const tracked: Tracked = { started: Date.now(), done: 0, total: 1 }
    this.jobs.set(key, tracked)
    return {
      onProgress: (done, total) => Object.assign(tracked, { done, total: Math.max(1, total) }),
      end: () => {
        if (this.jobs.get(key) === tracked) this.jobs.delete(key)
      },
    }
  }

  /** How far the job is, or undefined when it is not running (never started, or finished). */
  progress(eventId: string, jobId: string): ExportProgress | undefined {
    const tracked = this.jobs.get(`${eventId}\u0000${jobId}`)
    if (!tracked) return undefined
    return { done: tracked.done, total: tracked.total, elapsedMs: Math.max(0, Date.now() - tracked.started), limitMs: this.limitMs }
  }
}
