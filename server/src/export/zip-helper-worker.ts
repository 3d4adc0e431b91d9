import { parentPort } from 'node:worker_threads'
import { claimPart, renderZipPart } from './export-service.js'
import type { ZipHelperJob, ZipHelperMessage } from './zip-helper.js'
import { ownBuffer } from './worker-start.js'

/**
 * The ZIP helper thread: claims a ZIP's files from the back of the order it is given, renders
 * each and hands it back (its bytes moved, not copied), until it meets the thread working from the front.
 */
parentPort?.on('message', async (job: ZipHelperJob) => {
  const send = (m: ZipHelperMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(m, transfer)
  try {
    for (let k = job.order.length - 1; k >= 0; k--) {
      const index = job.order[k]!
      if (!claimPart(job.claims, index)) break
      const file = await renderZipPart(job.file, job.parts[index]!)
      send({ id: job.id, index, file }, ownBuffer(file.bytes))
    }
    send({ id: job.id, ok: true })
  } catch (error) {
    send({ id: job.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
