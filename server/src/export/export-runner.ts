import type { Worker } from 'node:worker_threads'
import type { EventExport, TreePhase } from '@tischrunde/shared'
import type { ExportRenderer, ProgressListener, RenderedFile } from './export-service.js'
import type { ExportFormat } from './shared-export.js'
import { startExportThread } from './worker-start.js'
import type { DocumentJob } from './documents.js'
import type { ZipExtra } from './programme/programme-zip.js'

/** One unit of work for the export worker. */
export type ExportJob = { id: number } & (
  | { kind: 'table'; file: EventExport; tableId: string; format: ExportFormat }
  | { kind: 'event'; file: EventExport; format: ExportFormat }
  | { kind: 'zip'; file: EventExport; extras: readonly ZipExtra[] }
  | { kind: 'tree'; file: EventExport; groupId: string; phase: TreePhase; format: 'svg' | 'png' }
  | { kind: 'document'; eventId: string; document: DocumentJob }
  /** No job: an export may follow soon, so the worker starts its ZIP helper too. Answered by nothing. */
  | { kind: 'prepare' }
)
/** What the worker sends back: how far a job is, then its file or why it failed. */
export type ExportJobResult =
  | { id: number; ok: true; file: RenderedFile | null }
  | { id: number; ok: false; message: string }
  | { id: number; progress: { done: number; total: number } }

export interface ExportRunnerOptions {
  /** Jobs waiting or running at once; more are refused with ExportBusyError. @default 8 — a ZIP of a large event takes seconds, so a queue longer than this only means people wait for nothing. */
  maxQueued?: number
  /**
   * Jobs of one event waiting or running at once; more of that event are refused with
   * ExportBusyError. @default 3 — one event's console asking for a dozen tree pictures at once kept
   * every other event's export out (the queue is one for the whole server).
   */
  maxQueuedPerEvent?: number
  /** A job running longer than this is abandoned and the worker restarted. @default 120000 ms */
  jobTimeoutMs?: number
  /** The worker is stopped after this long without work, to give back its memory (fonts, libraries). @default 60000 ms */
  idleMs?: number
}

/** Too many exports at once. */
export class ExportBusyError extends Error {
  override name = 'ExportBusyError'
}

/** An export ran past the job limit and was stopped (its worker too). */
export class ExportTimeoutError extends Error {
  override name = 'ExportTimeoutError'
  constructor(readonly limitMs: number) {
    super(`export stopped after ${limitMs} ms`)
  }
}

type Pending = { job: ExportJob; resolve: (file: RenderedFile | null) => void; reject: (error: Error) => void; onProgress: ProgressListener | undefined }

/**
 * Runs exports in one worker thread, one job at a time, started on first use. Under vitest the
 * sources are TypeScript: the worker then loads them through tsx.
 */
export class WorkerExportRenderer implements ExportRenderer {
  private worker: Worker | null = null
  private readonly queue: Pending[] = []
  /** Places held by `reserve`, by event: routes reading an event before they submit its job. */
  private readonly reserved = new Map<string, number>()
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private nextId = 1
  private readonly maxQueued: number
  private readonly maxQueuedPerEvent: number
  /** The event of the job that ran last: the next job is another event's, if one waits. */
  private lastEvent: string | null = null
  readonly jobTimeoutMs: number
  private readonly idleMs: number

  constructor(opts: ExportRunnerOptions = {}) {
    this.maxQueued = opts.maxQueued ?? 8
    this.maxQueuedPerEvent = opts.maxQueuedPerEvent ?? 3
    this.jobTimeoutMs = opts.jobTimeoutMs ?? 120_000
    this.idleMs = opts.idleMs ?? 60_000
  }

  renderTable(file: EventExport, tableId: string, format: ExportFormat, onProgress?: ProgressListener): Promise<RenderedFile> {
    return this.submit({ id: this.nextId++, kind: 'table', file, tableId, format }, onProgress) as Promise<RenderedFile>
  }
  renderEvent(file: EventExport, format: ExportFormat, onProgress?: ProgressListener): Promise<RenderedFile> {
    return this.submit({ id: this.nextId++, kind: 'event', file, format }, onProgress) as Promise<RenderedFile>
  }
  renderZip(file: EventExport, onProgress?: ProgressListener, extras: readonly ZipExtra[] = []): Promise<RenderedFile> {
    return this.submit({ id: this.nextId++, kind: 'zip', file, extras }, onProgress) as Promise<RenderedFile>
  }
  renderTree(file: EventExport, groupId: string, phase: TreePhase, format: 'svg' | 'png'): Promise<RenderedFile | null> {
    // A large tree takes seconds to draw: here, not on the main thread (a PNG of 300 long texts took 3 s).
    return this.submit({ id: this.nextId++, kind: 'tree', file, groupId, phase, format }, undefined)
  }

  renderDocument(eventId: string, document: DocumentJob): Promise<RenderedFile> {
    return this.submit({ id: this.nextId++, kind: 'document', eventId, document }, undefined) as Promise<RenderedFile>
  }

  /**
   * Starts the worker ahead of an export (the console's export panel came into view): it loads its
   * libraries and fonts and warms up while the organiser chooses, so the download does not wait
   * for that. Stopped again after `idleMs` without work, as after an export.
   */
  prepare(): void {
    this.ensureWorker().postMessage({ id: 0, kind: 'prepare' } satisfies ExportJob)
    if (!this.running && this.queue.length === 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer)
      this.idleTimer = setTimeout(() => void this.stopWorker(), this.idleMs).unref()
    }
  }

  /** Stops the worker; queued jobs fail. */
  async close(): Promise<void> {
    for (const p of this.queue.splice(0)) p.reject(new Error('Export abgebrochen.'))
    this.running?.reject(new Error('Export abgebrochen.'))
    if (this.running) clearTimeout(this.running.timer)
    this.running = null
    await this.stopWorker()
  }

  /**
   * Holds a place in the queue for an export of `eventId` while its route reads the event (reading
   * every board is the costly part): a full queue refuses it here, before the read. Throws
   * ExportBusyError when there is no room; the returned function gives the place back (once, however
   * often it is called). See readThenRender.
   */
  reserve(eventId: string): () => void {
    const busy = this.busy(eventId)
    if (busy) throw busy
    this.reserved.set(eventId, (this.reserved.get(eventId) ?? 0) + 1)
    let held = true
    return () => {
      if (!held) return
      held = false
      const left = (this.reserved.get(eventId) ?? 1) - 1
      if (left > 0) this.reserved.set(eventId, left)
      else this.reserved.delete(eventId)
    }
  }

  /** Why a further job of `event` may not be queued now (jobs waiting or running, and places reserved), or null. */
  private busy(event: string | null): ExportBusyError | null {
    const reserved = [...this.reserved.values()].reduce((n, k) => n + k, 0)
    if (this.queue.length + (this.running ? 1 : 0) + reserved >= this.maxQueued) return new ExportBusyError('Es laufen gerade zu viele Exporte.')
    const ofEvent = this.queue.filter((p) => eventOf(p.job) === event).length + (this.running && eventOf(this.running.job) === event ? 1 : 0) + (event === null ? 0 : (this.reserved.get(event) ?? 0))
    if (event !== null && ofEvent >= this.maxQueuedPerEvent) return new ExportBusyError('Es laufen gerade zu viele Exporte dieser Veranstaltung.')
    return null
  }

  /** Resolves with the job's file; null only for a tree picture of a group the file does not have. */
  private submit(job: ExportJob, onProgress: ProgressListener | undefined): Promise<RenderedFile | null> {
    const busy = this.busy(eventOf(job))
    if (busy) return Promise.reject(busy)
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject, onProgress })
      this.pump()
    })
  }

  private pump(): void {
    if (this.running) return
    // Events take turns: a job of another event than the last one's goes first.
    const turn = this.queue.findIndex((p) => eventOf(p.job) !== this.lastEvent)
    const next = this.queue.splice(turn >= 0 ? turn : 0, 1)[0]
    if (!next) {
      this.idleTimer ??= setTimeout(() => void this.stopWorker(), this.idleMs).unref()
      return
    }
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const timer = setTimeout(() => {
      // Drop the stuck worker before the next job can be posted to it.
      const stuck = this.worker
      this.worker = null
      void stuck?.terminate()
      this.finish(new ExportTimeoutError(this.jobTimeoutMs))
    }, this.jobTimeoutMs).unref()
    this.running = { ...next, timer }
    this.lastEvent = eventOf(next.job)
    this.ensureWorker().postMessage(next.job)
  }

  private finish(result: RenderedFile | null | Error): void {
    const current = this.running
    if (!current) return
    clearTimeout(current.timer)
    this.running = null
    if (result instanceof Error) current.reject(result)
    else current.resolve(result)
    this.pump()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = startExportThread('export-worker')
    worker.unref() // never keeps the process alive
    worker.on('message', (result: ExportJobResult) => {
      if (result.id !== this.running?.job.id) return
      if ('progress' in result) return this.running.onProgress?.(result.progress.done, result.progress.total)
      this.finish(result.ok ? result.file : new Error(`Export fehlgeschlagen: ${result.message}`))
    })
    const lost = (error: Error) => {
      if (this.worker !== worker) return
      this.worker = null
      this.finish(error)
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`Export-Worker beendet (Code ${code}).`)))
    this.worker = worker
    return worker
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (worker) await worker.terminate()
  }
}

/** The event a job exports, or null for one that is no event's (the worker's warm-up). */
function eventOf(job: ExportJob): string | null {
  return 'file' in job ? job.file.event.id : job.kind === 'document' ? job.eventId : null
}
