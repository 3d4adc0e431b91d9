import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { api, createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** The retention and privacy endpoints under every role, with malformed, oversized and racing requests. */
describe('fault suite: hostile retention and privacy requests', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-retention')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Aufbewahrung', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('moves the deletion date only for the facilitator and refuses malformed dates with a code', async () => {
    const participant = await join(running.url, cafe.joinCode)
    const path = `/api/events/${cafe.event.id}/retention`
    const put = (body: unknown, token?: string) => api<{ code?: string }>(running.url, path, { method: 'PUT', body, ...(token ? { token } : {}) })
    expect((await put({ deleteOn: day(10) }, participant.token)).status).toBe(403)
    expect((await put({ deleteOn: day(10) }, cafe.projectorToken)).status).toBe(403)
    expect((await put({ deleteOn: day(10) })).status).toBe(401)
    for (const deleteOn of ['2027-02-30', day(-1), '9999-12-31', ['2027-01-01'], { $gt: '' }, 'x'.repeat(100_000)]) {
      const res = await put({ deleteOn }, cafe.facilitatorToken)
      expect([400, 413], JSON.stringify(deleteOn).slice(0, 40)).toContain(res.status)
      expect(res.body.code).toBe('INVALID_MESSAGE')
    }
  })

  it('answers 30 racing date changes each with the date or a conflict, never an internal error', async () => {
    const path = `/api/events/${cafe.event.id}/retention`
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => api<{ deleteOn?: string }>(running.url, path, { method: 'PUT', body: { deleteOn: day(5 + i) }, token: cafe.facilitatorToken })))
    const statuses = answers.map((a) => a.status)
    report('racing retention changes', statuses.join(','))
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true)
    const now = await api<{ deleteOn: string }>(running.url, path, { token: cafe.facilitatorToken })
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.deleteOn)).toContain(now.body.deleteOn)
  })
})
