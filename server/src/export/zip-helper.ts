import type { Worker } from 'node:worker_threads'
import type { EventExport } from '@tischrunde/shared'
import type { RenderedFile, ZipHelper, ZipPart } from './export-service.js'
import { startExportThread } from './worker-start.js'

/** A ZIP's files for the helper thread to claim from the back of `order` (see ZipHelper). */
export interface ZipHelperJob {
  id: number
  file: EventExport
  parts: readonly ZipPart[]
  order: readonly number[]
  /** Shared with the thread that asked: who has claimed which part. */
  claims: Int32Array
}

/** What the helper sends back: each file it rendered, then that it claims no more (or why it stopped). */
export type ZipHelperMessage = { id: number; index: number; file: RenderedFile } | { id: number; ok: true } | { id: number; ok: false; message: string }

/**
 * A second export thread, started by the export worker for its first ZIP and kept while that
 * worker lives (ending it ends this one too): the worker renders the documentation PDF and the
 * sheets' PDFs while this thread renders the Word files and the workbook, so a ZIP takes about
 * half the time on a machine with two cores or more.
 */
export class ThreadZipHelper implements ZipHelper {
  private worker: Worker | null = null
  private nextId = 1

  render(file: EventExport, parts: readonly ZipPart[], order: readonly number[], claims: Int32Array, onFile: (index: number, file: RenderedFile) => void): Promise<void> {
    const worker = this.ensureWorker()
    const id = this.nextId++
    return new Promise<void>((resolve, reject) => {
      const stop = () => {
        worker.off('message', onMessage)
        worker.off('error', lost)
        worker.off('exit', lost)
      }
      const onMessage = (m: ZipHelperMessage) => {
        if (m.id !== id) return
        if ('index' in m) return onFile(m.index, m.file)
        stop()
        if (m.ok) resolve()
        else reject(new Error(m.message))
      }
      const lost = (error: unknown) => {
        stop()
        if (this.worker === worker) this.worker = null
        reject(error instanceof Error ? error : new Error(`ZIP helper stopped (${String(error)})`))
      }
      worker.on('message', onMessage)
      worker.on('error', lost)
      worker.on('exit', lost)
      worker.postMessage({ id, file, parts, order, claims } satisfies ZipHelperJob)
    })
  }

  /** Starts the helper thread ahead of a ZIP, so it has loaded its libraries when the ZIP begins. */
  start(): void {
    this.ensureWorker()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = startExportThread('zip-helper-worker')
    worker.unref()
    // Its failures reach the job that is waiting (see `render`); between jobs they only drop it.
    worker.on('error', () => {})
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
    })
    this.worker = worker
    return worker
  }
}
