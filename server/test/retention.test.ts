import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse, RetentionView } from '@tischrunde/shared'
import { boot } from '../src/boot.js'
import type { TischrundeServer } from '../src/app.js'
import { api, createEvent, rememberAdminKey, tokenOfLink } from './helpers/api.js'
import { connectPhone } from './helpers/board-client.js'
import { advanceRounds } from './helpers/rounds.js'
import { command } from './helpers/command.js'
import { tempDataDir } from './helpers/temp-dir.js'

/** Every file under `dir`, with its bytes. */
async function allFiles(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const out: { file: string; bytes: Buffer }[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out.push({ file: path.relative(dir, file), bytes: await readFile(file) })
  }
  return out
}
/** The files of the data folder that hold `text` (as UTF-8 bytes). */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const needle = Buffer.from(text, 'utf8')
  return (await allFiles(dir)).filter((f) => f.bytes.includes(needle)).map((f) => f.file)
}

describe('retention: an event past its deletion date is deleted with every trace', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let clock = Date.parse('2026-11-30T10:00:00Z')
  let server: TischrundeServer
  let unlock: () => Promise<void>
  let url: string
  let old: CreateEventResponse
  let kept: CreateEventResponse
  const CARD_TEXT = 'Sprachpaten am Bahnhof Winnenden – Vertraulich 7Q4'
  const NAME = 'Anneliese Quandtmeyer'

  const start = async () => {
    ;({ server, unlock } = await boot({ dataDir: data.dir, logLevel: 'silent', startFresh: false, withClient: false, app: { now: () => clock, retentionSweepMs: 0 } }))
    url = await server.listen(0, '127.0.0.1')
    rememberAdminKey(url, server.credentials.adminKey)
  }
  const stop = async () => {
    await server.close()
    await unlock()
  }

  beforeAll(async () => {
    data = await tempDataDir('retention')
    await start()
    old = await createEvent(url, { title: 'Integrationskonferenz Altstadt', tableNames: ['Sprache', 'Arbeit'], date: '2026-12-05' })
    kept = await createEvent(url, { title: 'Netzwerktreffen Neustadt', tableNames: ['Wohnen'], date: '2027-03-10' })
    await advanceRounds(url, old.facilitatorToken)
    // Names shown: the name is stored under the card (while they are hidden it never reaches the disk).
    expect(await command(url, old.facilitatorToken, 'event:display', { showNames: true })).toEqual({ ok: true })
    const phone = await connectPhone(url, old.event.id, 'sprache', old.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'card-ret-1', text: CARD_TEXT, authorName: NAME }))
    await phone.saved()
    phone.destroy()
    await server.rooms.settle()
  })
  afterAll(async () => {
    await stop().catch(() => {})
    await data?.remove()
  })

  it('has a default deletion date 30 days after the event, shown to its facilitator, with a warning from 7 days before', async () => {
    const seen = await api<RetentionView>(url, `/api/events/${old.event.id}/retention`, { token: old.facilitatorToken })
    expect(seen).toEqual({ status: 200, body: { deleteOn: '2027-01-04', chosen: false, daysLeft: 35, warning: false } })
    clock = Date.parse('2026-12-27T08:00:00Z')
    expect((await api<RetentionView>(url, `/api/events/${old.event.id}/retention`, { token: old.facilitatorToken })).body).toMatchObject({ daysLeft: 8, warning: false })
    clock = Date.parse('2026-12-28T08:00:00Z')
    expect((await api<RetentionView>(url, `/api/events/${old.event.id}/retention`, { token: old.facilitatorToken })).body).toMatchObject({ daysLeft: 7, warning: true })
    // Participants neither see nor move it.
    const { token } = (await api<{ token: string }>(url, '/api/join', { body: { code: old.joinCode } })).body
    expect((await api(url, `/api/events/${old.event.id}/retention`, { token })).status).toBe(403)
    expect((await api(url, `/api/events/${old.event.id}/retention`, { method: 'PUT', body: { deleteOn: '2027-01-31' }, token })).status).toBe(403)
  })

  it('lets the facilitator move the date within two years, never into the past nor before the event', async () => {
    const later = await api<RetentionView>(url, `/api/events/${kept.event.id}/retention`, { method: 'PUT', body: { deleteOn: '2027-06-30' }, token: kept.facilitatorToken })
    expect(later.body).toMatchObject({ deleteOn: '2027-06-30', chosen: true })
    expect((await api(url, `/api/events/${kept.event.id}/retention`, { method: 'PUT', body: { deleteOn: '2026-12-01' }, token: kept.facilitatorToken })).status).toBe(400)
    expect((await api(url, `/api/events/${kept.event.id}/retention`, { method: 'PUT', body: { deleteOn: '2030-01-01' }, token: kept.facilitatorToken })).status).toBe(400)
    // Not before the event's day (2027-03-10): it would be deleted before it took place.
    expect((await api(url, `/api/events/${kept.event.id}/retention`, { method: 'PUT', body: { deleteOn: '2027-03-09' }, token: kept.facilitatorToken })).status).toBe(400)
    expect((await api<RetentionView>(url, `/api/events/${kept.event.id}/retention`, { token: kept.facilitatorToken })).body).toMatchObject({ deleteOn: '2027-06-30' })
    const admin = await api<Record<string, RetentionView>>(url, '/api/retention', { token: server.credentials.adminKey })
    expect(admin.body[kept.event.id]).toMatchObject({ deleteOn: '2027-06-30' })
    expect(admin.body[old.event.id]).toMatchObject({ deleteOn: '2027-01-04' })
  })

  it('deletes the event at its date: no byte of a card, a name or its title is left in the data folder', async () => {
    // The test could fail: before the sweep, the card and the name are on disk.
    expect(await filesHolding(data.dir, CARD_TEXT)).not.toEqual([])
    expect(await filesHolding(data.dir, NAME)).not.toEqual([])
    clock = Date.parse('2027-01-03T23:59:00Z')
    expect(await server.retention.sweep()).toEqual([])
    clock = Date.parse('2027-01-04T00:00:01Z')
    expect(await server.retention.sweep()).toEqual([old.event.id])
    for (const text of [CARD_TEXT, NAME, 'Integrationskonferenz Altstadt', old.joinCode]) expect(await filesHolding(data.dir, text), text).toEqual([])
    // The other event, with its later date, is untouched.
    expect(await filesHolding(data.dir, 'Netzwerktreffen Neustadt')).not.toEqual([])
    expect((await api(url, `/api/events/${kept.event.id}`, { token: kept.facilitatorToken })).status).toBe(200)
  })

  it('answers every link of the deleted event with "gelöscht", also after a restart', async () => {
    const check = async () => {
      for (const link of [old.links.facilitator, old.links.projector, old.links.participant, old.links.hosts.sprache!]) {
        const res = await fetch(`${url}${link.split('#')[0]}`)
        expect(res.status, link).toBe(410)
        expect(await res.text()).toContain('Diese Veranstaltung wurde gelöscht')
      }
      const view = await api<{ code: string; params: object }>(url, `/api/events/${old.event.id}`, { token: old.facilitatorToken })
      expect(view).toEqual({ status: 410, body: { code: 'NOT_FOUND', params: { what: 'event', deleted: true } } })
      const credential = await api<{ code: string }>(url, '/api/credential', { token: tokenOfLink(old.links.projector) })
      expect(credential.status).toBe(410)
      const joined = await api<{ code: string; params: object }>(url, '/api/join', { body: { code: old.joinCode } })
      expect(joined).toEqual({ status: 410, body: { code: 'BAD_JOIN_CODE', params: { reason: 'deleted' } } })
    }
    await check()
    await stop()
    await start()
    await check()
    // A link that never existed stays a plain "not found".
    expect((await fetch(`${url}/api/events/gibt-es-nicht`, { headers: { authorization: `Bearer ${old.facilitatorToken}` } })).status).toBe(401)
  })
})

describe('the retention routes leave other requests alone', () => {
  it('lets a large event import through (bodies are parsed only on their own routes)', async () => {
    const data = await tempDataDir('retention-import')
    const { server, unlock } = await boot({ dataDir: data.dir, logLevel: 'silent', startFresh: false, withClient: false, app: { retentionSweepMs: 0 } })
    try {
      const url = await server.listen(0, '127.0.0.1')
      const big = { format: 'nonsense', padding: 'x'.repeat(200_000) }
      const res = await api<{ code: string }>(url, '/api/events/import', { body: big, token: server.credentials.adminKey })
      // The import's own validation answers (400 INVALID_MESSAGE), not a body limit of these routes (413).
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('INVALID_MESSAGE')
    } finally {
      await server.close()
      await unlock()
      await data.remove()
    }
  })
})
