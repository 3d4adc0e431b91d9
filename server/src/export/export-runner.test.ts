import { afterEach, describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { ExportBusyError, ExportTimeoutError, WorkerExportRenderer } from './export-runner.js'
import { pdfText } from './read-back.js'

const file = winnendenEvent()

describe('the export worker', () => {
  const runners: WorkerExportRenderer[] = []
  const runner = (opts = {}) => {
    const r = new WorkerExportRenderer(opts)
    runners.push(r)
    return r
  }
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.close()
  })

  it('renders a sheet off the main thread', async () => {
    const out = await runner().renderTable(file, 'rahmenbedingungen', 'pdf')
    expect(out.fileName).toBe('Winnenden_2019-07-02_Rahmenbedingungen.pdf')
    expect((await pdfText(out.bytes)).replace(/\s+/g, ' ')).toContain('Thementisch: Rahmenbedingungen')
  })

  it('runs jobs one after another and refuses more than it may queue', async () => {
    const r = runner({ maxQueued: 2 })
    const first = r.renderTable(file, 'rahmenbedingungen', 'md')
    const second = r.renderEvent(file, 'csv')
    await expect(r.renderZip(file)).rejects.toBeInstanceOf(ExportBusyError)
    expect((await first).fileName).toMatch(/\.md$/)
    expect((await second).fileName).toMatch(/\.csv$/)
  })

  it('holds at most three jobs of one event, and lets another event’s job go next', async () => {
    const r = runner({ maxQueued: 8 })
    const other = { ...file, event: { ...file.event, id: 'nachbarort' } }
    const order: string[] = []
    const note = (label: string) => (out: { fileName: string }) => (order.push(label), out)
    const mine = [r.renderEvent(file, 'md').then(note('w1')), r.renderEvent(file, 'csv').then(note('w2')), r.renderTable(file, 'rahmenbedingungen', 'md').then(note('w3'))]
    await expect(r.renderZip(file)).rejects.toBeInstanceOf(ExportBusyError)
    const theirs = r.renderEvent(other, 'md').then(note('other'))
    await Promise.all([...mine, theirs])
    // The other event's export did not wait behind all of the first one's.
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('w3'))
  })

  it('reports a failing job and keeps working', async () => {
    const r = runner()
    await expect(r.renderTable(file, 'no-such-table', 'pdf')).rejects.toThrow(/unknown table/)
    expect((await r.renderTable(file, 'rahmenbedingungen', 'json')).fileName).toMatch(/\.json$/)
  })

  it('gives up on a job that takes too long and starts a fresh worker', async () => {
    const r = runner({ jobTimeoutMs: 1 })
    await expect(r.renderZip(file)).rejects.toBeInstanceOf(ExportTimeoutError)
  })

  it('passes on how far a ZIP is, file by file, up to every file', async () => {
    const steps: [number, number][] = []
    const out = await runner().renderZip(file, (done, total) => steps.push([done, total]))
    expect(out.fileName).toMatch(/\.zip$/)
    expect(steps[0]).toEqual([0, 6 + 11 * 4])
    expect(steps.at(-1)).toEqual([6 + 11 * 4, 6 + 11 * 4])
    expect(steps.map(([done]) => done)).toEqual(steps.map((_, i) => i))
  })
})
