import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse, EventExport } from '@tischrunde/shared'
import { testPng } from '../../src/framing/test-images.js'
import { LOGOS_PER_EVENT_MAX } from '../../src/framing/framing-routes.js'
import { adminKeyOf, api, createEvent } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

type Framing = { subtitle: string; organisers: { name: string; logoId: string | null }[]; intro: string; outlook: string }
const framing = (logoId: string | null, name = 'Landratsamt Rems-Murr-Kreis'): Framing => ({ subtitle: 'Integrationskonferenz', organisers: [{ name, logoId }], intro: '', outlook: '' })

/**
 * The documentation's framing saved from two tabs at once, and event files that name one logo
 * twice: what a save acknowledged stays (its logo is not removed by the other save's clean-up),
 * and a file's logos are keyed by id like every other keyed list of an import.
 */
describe('fault suite: hostile framing saves and logo lists', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const upload = async (body: Uint8Array) => {
    const res = await fetch(`${running.url}/api/events/${cafe.event.id}/framing/logos`, { method: 'POST', headers: { authorization: `Bearer ${cafe.facilitatorToken}`, 'content-type': 'image/png' }, body })
    expect(res.status).toBe(201)
    return ((await res.json()) as { logoId: string }).logoId
  }
  const save = (f: Framing) => api<{ framing?: Framing; code?: string }>(running.url, `/api/events/${cafe.event.id}/framing`, { method: 'PUT', body: { framing: f }, token: cafe.facilitatorToken })
  const stored = async () => (await api<{ framing: Framing }>(running.url, `/api/events/${cafe.event.id}/framing`, { token: cafe.facilitatorToken })).body.framing

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-framing-2')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('keeps the logo of the framing that was saved last when two tabs save at once', async () => {
    const lost: string[] = []
    for (let round = 0; round < 6; round++) {
      const a = await upload(testPng(40 + round, 20))
      const b = await upload(testPng(20, 40 + round))
      const answers = await Promise.all([save(framing(a, 'Stadt A')), save(framing(b, 'Stadt B'))])
      expect(answers.map((r) => r.status)).toEqual([200, 200])
      // Whichever save won, the stored framing's logo is still there to be shown and printed.
      const now = await stored()
      const logoId = now.organisers[0]?.logoId
      if (!logoId) lost.push(`round ${round}: ${now.organisers[0]?.name} without its logo`)
      else {
        const served = await fetch(`${running.url}/api/events/${cafe.event.id}/framing/logos/${logoId}`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
        if (served.status !== 200) lost.push(`round ${round}: logo ${served.status}`)
      }
    }
    report('racing framing saves', lost.length === 0 ? 'every saved logo kept' : lost.join('; '))
    expect(lost).toEqual([])
    // The limit on stored logos still holds (uploads no save named are cleared when it is reached).
    const files = await readdir(path.join(data.dir, 'logos', cafe.event.id))
    expect(files.length).toBeLessThanOrEqual(LOGOS_PER_EVENT_MAX)
  })

  it('refuses an event file that carries one logo id twice, and keeps no event of it', async () => {
    const logoId = await upload(testPng(90, 30))
    expect((await save(framing(logoId))).status).toBe(200)
    const file = (await (await fetch(`${running.url}/api/events/${cafe.event.id}/export?format=json`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })).json()) as EventExport
    expect(file.logos?.map((l) => l.id)).toEqual([logoId])
    const twice = { ...file, logos: [file.logos![0]!, { ...file.logos![0]!, data: Buffer.from(testPng(30, 90)).toString('base64') }] }
    const admin = adminKeyOf(running.url)
    const before = (await api<unknown[]>(running.url, '/api/events', { token: admin })).body.length
    const res = await api<{ code?: string; params?: { path?: unknown[]; issue?: string } }>(running.url, '/api/events/import', { body: twice, token: admin })
    report('import with a repeated logo id', `${res.status} ${JSON.stringify(res.body?.params ?? res.body)}`)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'INVALID_MESSAGE', params: { path: ['logos', 1, 'id'], issue: 'duplicate' } })
    expect((await api<unknown[]>(running.url, '/api/events', { token: admin })).body.length).toBe(before)
  })
})
