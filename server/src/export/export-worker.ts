import { parentPort } from 'node:worker_threads'
import { inProcessRenderer } from './export-service.js'
import type { ExportJob, ExportJobResult } from './export-runner.js'

/**
 * The export worker: renders one job at a time off the server's main thread, so building a
 * 25-page PDF or a ZIP of everything never holds up cards on their way to the projector.
 */
parentPort?.on('message', async (job: ExportJob) => {
  let result: ExportJobResult
  const progress = (done: number, total: number) => parentPort?.postMessage({ id: job.id, progress: { done, total } } satisfies ExportJobResult)
  try {
    const file =
      job.kind === 'table'
        ? await inProcessRenderer.renderTable(job.file, job.tableId, job.format, progress)
        : job.kind === 'event'
          ? await inProcessRenderer.renderEvent(job.file, job.format, progress)
          : await inProcessRenderer.renderZip(job.file, progress)
    result = { id: job.id, ok: true, file }
  } catch (error) {
    result = { id: job.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(result)
})
