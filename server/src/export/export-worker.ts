import { availableParallelism } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { inProcessRenderer, renderZip } from './export-service.js'
import { warmUp } from './warm-up.js'
import { renderDocument } from './documents.js'
import type { ExportJob, ExportJobResult } from './export-runner.js'
import { ThreadZipHelper } from './zip-helper.js'
import { ownBuffer } from './worker-start.js'

/** A second thread for ZIPs, where the machine has a second core. */
const zipHelper = availableParallelism() > 1 ? new ThreadZipHelper() : undefined

/** Started ahead of a job (see WorkerExportRenderer.prepare) or with it: warms up until a job arrives. */
const warming = warmUp()

/**
 * The export worker: renders one job at a time off the server's main thread, so building a
 * 25-page PDF or a ZIP of everything never holds up cards on their way to the projector.
 */
parentPort?.on('message', async (job: ExportJob) => {
  // Prepared for an export that may be a ZIP: its helper thread starts loading now.
  if (job.kind === 'prepare') return zipHelper?.start()
  warming.stop()
  let result: ExportJobResult
  const progress = (done: number, total: number) => parentPort?.postMessage({ id: job.id, progress: { done, total } } satisfies ExportJobResult)
  try {
    const file =
      job.kind === 'table'
        ? await inProcessRenderer.renderTable(job.file, job.tableId, job.format, progress)
        : job.kind === 'event'
          ? await inProcessRenderer.renderEvent(job.file, job.format, progress)
          : job.kind === 'tree'
            ? await inProcessRenderer.renderTree(job.file, job.groupId, job.phase, job.format)
            : job.kind === 'document'
              ? await renderDocument(job.document)
              : await renderZip(job.file, progress, zipHelper, job.extras)
    result = { id: job.id, ok: true, file }
  } catch (error) {
    result = { id: job.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(result, result.ok && result.file ? ownBuffer(result.file.bytes) : [])
})
