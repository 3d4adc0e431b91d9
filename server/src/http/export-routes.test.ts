import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aCard, bremenEvent, winnendenEvent } from '@tischrunde/fixtures'
import { boardDocName, putCard, slugify } from '@tischrunde/shared'
import { type Booted, boot } from '../boot.js'
import type { StoredEvent } from '../events/event-service.js'
import { ExportBusyError, WorkerExportRenderer } from '../export/export-runner.js'
import { inProcessRenderer } from '../export/export-service.js'
import { readThenRender } from '../export/read-then-render.js'
import { createTreeImageRoutes } from '../export/tree/tree-routes.js'
import { createProgrammeExportRoutes } from '../export/programme/programme-export-routes.js'
import type { ProgrammeService } from '../programme/programme-service.js'
import { StorageFailure } from '../storage/storage-error.js'
import { createExportRoutes } from './export-routes.js'

const EVENT = 'winnenden'
const TABLE = 'arbeitsmarktintegration'
const TREE_DAY = bremenEvent().event.id

describe('export routes', () => {
  let booted: Booted
  let dir: string
  let url: string
  let close: () => Promise<void>
  let slowRenderer: WorkerExportRenderer
  /** One place in all: a running ZIP fills it. */
  const fullRenderer = new WorkerExportRenderer({ maxQueued: 1 })
  /** The events read for an export through /full-api (every board: the costly part). */
  const reads: string[] = []
  const token = (role: 'facilitator' | 'projector' | 'participant', eventId = EVENT) =>
    booted.server.events.issue(booted.server.events.current(eventId)!, role, role === 'participant' ? 'participant-0001' : undefined)
  const get = (p: string, auth?: string) => fetch(`${url}${p}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {})

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-export-'))
    booted = await boot({ dataDir: dir, logLevel: 'silent', startFresh: false, withClient: false })
    await booted.server.transfer.seed(winnendenEvent(), { reset: false, now: Date.now() })
    await booted.server.transfer.seed(bremenEvent(), { reset: false, now: Date.now() })
    const app = express()
    const { events, transfer } = booted.server
    app.use('/api', createExportRoutes({ events, transfer, renderer: inProcessRenderer }))
    // The default renderer: a worker thread.
    app.use('/worker-api', createExportRoutes({ events, transfer }))
    // A worker that gives every job one millisecond: every export runs out of time.
    slowRenderer = new WorkerExportRenderer({ jobTimeoutMs: 1 })
    app.use('/slow-api', createExportRoutes({ events, transfer, renderer: slowRenderer }), createTreeImageRoutes({ events, transfer, renderer: slowRenderer }))
    // A store that fails while the event is read (a Redis outage): the event file, the programme.
    const failing = () => Promise.reject(new StorageFailure('the event data', { cause: new Error('connection lost') }))
    const brokenProgramme = { state: failing, roster: failing } as unknown as ProgrammeService
    app.use('/broken-api', createExportRoutes({ events, transfer: { exportEvent: failing }, renderer: inProcessRenderer }), createProgrammeExportRoutes({ events, programme: brokenProgramme, renderer: inProcessRenderer }))
    const counted = { exportEvent: (stored: StoredEvent) => (reads.push(stored.event.id), transfer.exportEvent(stored)) }
    app.use('/full-api', createExportRoutes({ events, transfer: counted, renderer: fullRenderer }), createTreeImageRoutes({ events, transfer: counted, renderer: fullRenderer }))
    const http = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => http.once('listening', resolve))
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
    close = () => new Promise((resolve) => http.close(() => resolve()))
  })
  afterAll(async () => {
    await close?.()
    await slowRenderer?.close()
    await fullRenderer.close()
    await booted?.server.rooms.settle()
    await booted?.server.storage.close()
    await booted?.unlock()
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['no credential', 401, 'UNAUTHORIZED', undefined, { credential: 'link' }],
    ['a forged credential', 401, 'UNAUTHORIZED', 'not-a-token', { credential: 'link' }],
    ['the projector credential', 403, 'FORBIDDEN', 'projector', { needs: 'facilitator' }],
    ['a participant credential', 403, 'FORBIDDEN', 'participant', { needs: 'facilitator' }],
  ] as const)('refuses %s with %i and a code, no wording', async (_what, status, code, who, params) => {
    const auth = who === 'projector' || who === 'participant' ? token(who) : who
    for (const p of [`/api/events/${EVENT}/export?format=pdf`, `/api/events/${EVENT}/export.zip`]) {
      const res = await get(p, auth)
      expect(res.status).toBe(status)
      expect(await res.json()).toEqual({ code, params })
    }
  })

  it('refuses a credential of another event with 401', async () => {
    const res = await get(`/api/events/other/export?format=pdf`, token('facilitator'))
    expect(res.status).toBe(401)
  })

  it.each([
    ['format=xls', 'format', 'invalid_value'],
    ['', 'format', 'invalid_value'],
    ['format=pdf&table=nope', 'table', 'unknown_reference'],
    ['format=pdf&table=a&table=b', 'table', 'unknown_reference'],
  ])('answers 400 to ?%s, naming the %s', async (query, field, issue) => {
    const res = await get(`/api/events/${EVENT}/export?${query}`, token('facilitator'))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ code: 'INVALID_MESSAGE', params: { path: [field], issue } })
  })

  it('sends a table sheet as an attachment with a safe file name, never cached', async () => {
    const res = await get(`/api/events/${EVENT}/export?format=pdf&table=${TABLE}`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?Winnenden_2019-07-02_Arbeitsmarktintegration\.pdf"?$/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('exports the boards as they are now, including a card added a moment ago', async () => {
    await booted.server.rooms.read(boardDocName(EVENT, TABLE), (room) =>
      putCard(room.doc, aCard({ id: 'live-card-0001', stationId: 'station-2', columnId: 'ziele', text: 'Ganz neue Karte', position: 999 }), { source: 'server', by: 'test' }),
    )
    const res = await get(`/api/events/${EVENT}/export?format=md&table=${TABLE}`, token('facilitator'))
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(await res.text()).toContain('- Ganz neue Karte\n')
  })

  it('exports the whole event without keeping its tables in memory or their logs open', async () => {
    const res = await get(`/api/events/${EVENT}/export.zip`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer()))).length).toBeGreaterThan(11)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await booted.server.rooms.loaded()).map((r) => r.name)).toEqual([])
    const fds = await readdir('/proc/self/fd')
    const open = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))
    expect(open.filter((f) => f.startsWith(dir) && f.endsWith('.ywal'))).toEqual([])
  })

  it('sends the whole documentation without a table', async () => {
    const res = await get(`/api/events/${EVENT}/export?format=docx`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('Winnenden_2019-07-02_Dokumentation.docx')
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toContain('word/document.xml')
  })

  it('renders in the worker thread by default, with the same result', async () => {
    const res = await get(`/worker-api/events/${EVENT}/export?format=csv&table=${TABLE}`, token('facilitator'))
    expect(res.status).toBe(200)
    const viaWorker = new Uint8Array(await res.arrayBuffer())
    const direct = new Uint8Array(await (await get(`/api/events/${EVENT}/export?format=csv&table=${TABLE}`, token('facilitator'))).arrayBuffer())
    expect(strFromU8(viaWorker)).toBe(strFromU8(direct))
  })

  it('prepares the export threads for the facilitator only, and a ZIP after it is whole', async () => {
    const prepare = (auth?: string) => fetch(`${url}/worker-api/events/${EVENT}/export-prepare`, { method: 'POST', ...(auth ? { headers: { authorization: `Bearer ${auth}` } } : {}) })
    expect((await prepare()).status).toBe(401)
    expect((await prepare(token('projector'))).status).toBe(403)
    expect((await prepare(token('facilitator'))).status).toBe(204)
    const res = await get(`/worker-api/events/${EVENT}/export.zip`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toHaveLength(7 + 11 * 4)
  })

  it('sends everything as one ZIP', async () => {
    const res = await get(`/worker-api/events/${EVENT}/export.zip`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?Winnenden_2019-07-02_Ergebnisse\.zip"?$/)
    const names = Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))
    expect(names).toHaveLength(7 + 11 * 4) // six whole-event files and LIESMICH.txt, four per table
    expect(names).toContain('Thementische/Winnenden_2019-07-02_Arbeitsmarktintegration.docx')
  })

  it('tells the console how far a ZIP is while it builds, and forgets the job once it is sent', async () => {
    const job = 'zip-progress-1'
    const progress = () => get(`/worker-api/events/${EVENT}/export-progress?job=${job}`, token('facilitator'))
    const download = get(`/worker-api/events/${EVENT}/export.zip?job=${job}`, token('facilitator'))
    const seen: { done: number; total: number; elapsedMs: number; limitMs: number }[] = []
    let finished = false
    void download.then(() => (finished = true))
    while (!finished) {
      const res = await progress()
      if (res.status === 200) seen.push(await res.json())
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect((await download).status).toBe(200)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((p) => p.limitMs === 120_000)).toBe(true)
    // Before the export thread's first report (a busy machine starts it late) nothing is done yet;
    // from then on the job counts the ZIP's 50 files.
    const reported = seen.filter((p) => p.total !== 1)
    expect(seen.filter((p) => p.total === 1).every((p) => p.done === 0)).toBe(true)
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.every((p) => p.total === 6 + 11 * 4)).toBe(true)
    expect(reported.some((p) => p.done > 0 && p.done < p.total)).toBe(true)
    expect((await progress()).status).toBe(404)
  }, 60_000) // a whole ZIP: seconds on a quiet machine, more on a busy one

  it('refuses progress for a job name that cannot be one, and for another event\'s credential', async () => {
    const bad = await get(`/worker-api/events/${EVENT}/export-progress?job=a`, token('facilitator'))
    expect(bad.status).toBe(400)
    expect((await get(`/worker-api/events/${EVENT}/export-progress?job=zip-progress-1`)).status).toBe(401)
  })

  it('answers an export that runs out of time with 504 TIMED_OUT and the limit, for the console to word', async () => {
    for (const p of [`/slow-api/events/${EVENT}/export.zip`, `/slow-api/events/${EVENT}/export?format=docx`]) {
      const res = await get(p, token('facilitator'))
      expect(res.status).toBe(504)
      expect(await res.json()).toEqual({ code: 'TIMED_OUT', params: { what: 'export', seconds: 1 } })
    }
  })

  it('answers a tree picture that runs out of time with 504 TIMED_OUT, as the other exports', async () => {
    const res = await get(`/slow-api/events/${TREE_DAY}/tree-image?group=${slugify('kleiner Landkreis')}&phase=problem&format=png`, token('facilitator', TREE_DAY))
    expect(res.status).toBe(504)
    expect(await res.json()).toEqual({ code: 'TIMED_OUT', params: { what: 'export', seconds: 1 } })
  })

  it('answers a store failing while the event or its programme is read with 503 STORAGE_FAILED, not an error page', async () => {
    for (const p of [`/broken-api/events/${EVENT}/export?format=pdf`, `/broken-api/events/${EVENT}/export.zip`, `/broken-api/events/${EVENT}/programme-counts.csv`, `/broken-api/events/${EVENT}/programme.pdf`]) {
      const res = await get(p, token('facilitator'))
      expect(res.status, p).toBe(503)
      expect(await res.json()).toEqual({ code: 'STORAGE_FAILED' })
    }
  })

  it('answers a further export, a ZIP and a tree picture 429 without reading the event, and reads it once there is room', async () => {
    // A ZIP holds the one place (starting the export thread alone takes longer than these requests).
    const running = fullRenderer.renderZip(winnendenEvent())
    for (const [p, eventId] of [
      [`/full-api/events/${EVENT}/export?format=md`, EVENT],
      [`/full-api/events/${EVENT}/export.zip`, EVENT],
      [`/full-api/events/${TREE_DAY}/tree-image?group=${slugify('kleiner Landkreis')}&phase=problem&format=svg`, TREE_DAY],
    ] as const) {
      const res = await get(p, token('facilitator', eventId))
      expect(res.status, p).toBe(429)
      expect(res.headers.get('retry-after')).toBe('10')
      expect(await res.json()).toEqual({ code: 'RATE_LIMITED', params: { what: 'exports' } })
    }
    expect(reads).toEqual([])
    expect((await running).fileName).toMatch(/\.zip$/)
    // The refused requests gave no place away and kept none: the next one is read and sent.
    const res = await get(`/full-api/events/${EVENT}/export?format=md`, token('facilitator'))
    expect(res.status).toBe(200)
    expect(reads).toEqual([EVENT])
  }, 60_000)

  it('gives the place back when reading the event fails, once however often it is given back', async () => {
    const failing = readThenRender(fullRenderer, EVENT, () => Promise.reject(new Error('Lesen fehlgeschlagen')), () => Promise.reject(new Error('nie gerendert')))
    await expect(failing).rejects.toThrow('Lesen fehlgeschlagen')
    const release = fullRenderer.reserve(EVENT) // room again
    expect(() => fullRenderer.reserve('nachbarort')).toThrow(ExportBusyError) // the one place is held
    release()
    release()
    fullRenderer.reserve('nachbarort')()
    expect(() => fullRenderer.reserve(EVENT)()).not.toThrow()
  })
})
