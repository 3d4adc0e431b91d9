import type { ExportRenderer } from './export-service.js'

/**
 * Reads what an export needs, then renders it, with a place in the export queue held from before
 * the read: a full queue (too many exports, of all events or of this one) is refused with
 * ExportBusyError before any board is read, not after. The place is given back on every path; on
 * success right before `render` is called, in the same tick, so the job `render` submits takes it
 * over and no other request can slip in between. `render` must submit its job before its first
 * `await`.
 */
export async function readThenRender<T, R>(renderer: Pick<ExportRenderer, 'reserve'>, eventId: string, read: () => Promise<T>, render: (read: T) => Promise<R>): Promise<R> {
  const release = renderer.reserve?.(eventId) ?? (() => {})
  let value: T
  try {
    value = await read()
  } finally {
    release()
  }
  return render(value)
}
