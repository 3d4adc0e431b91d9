import { describe, expect, it } from 'vitest'
import { dropDeviceCopy } from './purge-device-copy.js'

describe('dropping the device copy of a board set up anew', () => {
  it('resolves only once the browser has deleted the copy, so the reload that follows cannot open it again', async () => {
    const steps: string[] = []
    let deleted: () => void = () => {}
    const local = { name: 'tischrunde.board.e1.tisch-1', destroy: async () => void steps.push('closed') }
    const dropping = dropDeviceCopy(local, (name) => (steps.push(`delete ${name}`), new Promise<void>((resolve) => (deleted = resolve))))
    let dropped = false
    void dropping.then(() => (dropped = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // Closed and asked to delete, but the browser has not deleted it yet: no reload now.
    expect(steps).toEqual(['closed', 'delete tischrunde.board.e1.tisch-1'])
    expect(dropped).toBe(false)
    deleted()
    await dropping
    expect(dropped).toBe(true)
  })

  it('does not wait forever when another tab keeps the copy open (the deletion is blocked)', async () => {
    const started = Date.now()
    await dropDeviceCopy({ name: 'x', destroy: async () => {} }, () => new Promise(() => {}), 50)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('goes on when the browser refuses the deletion', async () => {
    await expect(dropDeviceCopy({ name: 'x', destroy: async () => {} }, () => Promise.reject(new Error('UnknownError')), 50)).resolves.toBeUndefined()
  })
})
