import { readdir, utimes } from 'node:fs/promises'
import path from 'node:path'
import { io } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Ack, LOGO_BYTES_MAX, WIRE_VERSION } from '@tischrunde/shared'
import { readPdfStructure, readingOrder, pdfText } from '../src/export/read-back.js'
import { testPng } from '../src/framing/test-images.js'
import { LOGOS_PER_EVENT_MAX, UNSAVED_LOGO_KEEP_MS } from '../src/framing/framing-routes.js'
import { adminKeyOf, api, createEvent, join, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
beforeEach(async () => {
  data = await tempDataDir('framing')
})
afterEach(async () => {
  await running?.close()
  running = undefined
  await data.remove()
})

const upload = (url: string, eventId: string, token: string, body: Uint8Array, type = 'image/png') =>
  fetch(`${url}/api/events/${eventId}/framing/logos`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body })

const framing = (logoId: string | null) => ({
  subtitle: 'Integrationskonferenz des Rems-Murr-Kreises',
  organisers: [
    { name: 'Landratsamt Rems-Murr-Kreis', logoId },
    { name: 'Stadt Winnenden', logoId: null },
  ],
  intro: 'Herzlich willkommen zur Dokumentation.',
  outlook: 'Im Herbst folgt ein zweites Treffen.',
})

describe('the framing of the documentation', () => {
  it('is edited by the facilitator, keeps its checked logo in the data folder, and reaches the documentation PDF', async () => {
    running = await startServer(data.dir)
    const { event, facilitatorToken } = await createEvent(running.url, { title: 'Regionalkonferenz Winnenden', tableNames: ['Sprache', 'Arbeit'] })
    const token = facilitatorToken
    // Nothing written yet: empty texts.
    expect((await api(running.url, `/api/events/${event.id}/framing`, { token })).body).toEqual({ framing: { subtitle: '', organisers: [], intro: '', outlook: '' } })

    const posted = await upload(running.url, event.id, token, testPng(90, 30, [{ type: 'tEXt', data: 'Author\0Jemand' }]))
    expect(posted.status).toBe(201)
    const { logoId, width, height } = (await posted.json()) as { logoId: string; width: number; height: number }
    expect({ width, height }).toEqual({ width: 90, height: 30 })
    const files = await readdir(path.join(data.dir, 'logos', event.id))
    expect(files).toEqual([`${logoId}.png`])
    // The preview serves the cleaned file.
    const served = await fetch(`${running.url}/api/events/${event.id}/framing/logos/${logoId}`, { headers: { authorization: `Bearer ${token}` } })
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).toString('latin1')).not.toContain('Jemand')

    const saved = await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(logoId) }, token })
    expect(saved).toEqual({ status: 200, body: { framing: framing(logoId) } })

    // Saving the setup from the console keeps the framing.
    const socket = io(running.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    try {
      const state = await new Promise<{ event: Record<string, unknown> }>((resolve) => socket.once('event:state', resolve))
      // The live screens are not sent the framing: it is the documentation's matter.
      expect(state.event).not.toHaveProperty('framing')
      const { id: _id, showNames: _s, treeMethod: _t, ...setup } = state.event
      expect(await (socket.emitWithAck('event:update', { setup: { ...setup, place: 'Hermann-Schwab-Halle' } }) as Promise<Ack>)).toEqual({ ok: true })
    } finally {
      socket.disconnect()
    }
    expect((await api<{ framing: unknown }>(running.url, `/api/events/${event.id}/framing`, { token })).body.framing).toEqual(framing(logoId))

    const pdf = await fetch(`${running.url}/api/events/${event.id}/export?format=pdf`, { headers: { authorization: `Bearer ${token}` } })
    expect(pdf.status).toBe(200)
    const bytes = new Uint8Array(await pdf.arrayBuffer())
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ')
    for (const expected of ['Integrationskonferenz des Rems-Murr-Kreises', 'Veranstaltet von', 'Landratsamt Rems-Murr-Kreis', 'Stadt Winnenden', 'Einleitung', 'Herzlich willkommen zur Dokumentation.', 'Ausblick', 'Im Herbst folgt ein zweites Treffen.'])
      expect(text).toContain(expected)
    expect((await readPdfStructure(bytes)).pages.flatMap(readingOrder)).toContain('Figure: Logo: Landratsamt Rems-Murr-Kreis')

    // A logo no organiser names any more is removed with the next save.
    await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(null) }, token })
    expect(await readdir(path.join(data.dir, 'logos', event.id))).toEqual([])
  })

  it('refuses what is no logo, too large, unknown or not the facilitator\'s, with a code', async () => {
    running = await startServer(data.dir)
    const { event, facilitatorToken, joinCode } = await createEvent(running.url, { title: 'Regionalkonferenz Winnenden', tableNames: ['Sprache'] })
    const token = facilitatorToken
    const refusal = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown })

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect(await refusal(await upload(running.url, event.id, token, svg, 'image/svg+xml'))).toEqual({
      status: 415,
      body: { code: 'INVALID_MESSAGE', params: { path: ['logo'], issue: 'invalid_value', allowed: ['image/png', 'image/jpeg'] } },
    })
    // Called a PNG, but it is not one.
    expect((await refusal(await upload(running.url, event.id, token, svg))).body).toMatchObject({ code: 'INVALID_MESSAGE', params: { issue: 'invalid_value' } })
    expect(await refusal(await upload(running.url, event.id, token, new Uint8Array(LOGO_BYTES_MAX + 10)))).toEqual({
      status: 413,
      body: { code: 'INVALID_MESSAGE', params: { path: ['logo'], issue: 'too_big', origin: 'file', maximum: LOGO_BYTES_MAX } },
    })
    // A logo id that was never uploaded, a name too long, too many organisers.
    const put = (body: unknown, t = token) => api(running!.url, `/api/events/${event.id}/framing`, { method: 'PUT', body, token: t })
    expect((await put({ framing: { ...framing('0123456789abcdef') } })).body).toMatchObject({ code: 'INVALID_MESSAGE', params: { path: ['framing', 'organisers', 0, 'logoId'], issue: 'unknown_reference' } })
    expect((await put({ framing: { ...framing(null), subtitle: 'x'.repeat(301) } })).body).toMatchObject({ code: 'INVALID_MESSAGE', params: { path: ['framing', 'subtitle'], issue: 'too_big' } })
    expect((await put({ framing: { ...framing(null), organisers: Array.from({ length: 13 }, () => ({ name: 'X' })) } })).body).toMatchObject({ params: { path: ['framing', 'organisers'], issue: 'too_big' } })
    // A participant may not edit it, a stranger not even read it.
    const phone = await join(running.url, joinCode)
    expect((await put({ framing: framing(null) }, phone.token)).status).toBe(403)
    expect((await upload(running.url, event.id, phone.token, testPng(4, 4))).status).toBe(403)
    expect((await api(running.url, `/api/events/${event.id}/framing`)).status).toBe(401)
    // Nothing was stored by any refusal.
    expect((await api<{ framing: unknown }>(running.url, `/api/events/${event.id}/framing`, { token })).body.framing).toMatchObject({ subtitle: '', organisers: [] })
  })

  it('at its limit of logos refuses the next upload with LIMIT_REACHED and keeps every upload it answered, saved or not', async () => {
    running = await startServer(data.dir)
    const { event, facilitatorToken: token } = await createEvent(running.url, { title: 'Regionalkonferenz Winnenden', tableNames: ['Sprache'] })
    const logoIds: string[] = []
    for (let i = 0; i < LOGOS_PER_EVENT_MAX; i++) {
      const res = await upload(running.url, event.id, token, testPng(10 + i, 10))
      expect(res.status).toBe(201)
      logoIds.push(((await res.json()) as { logoId: string }).logoId)
      // The first is saved into the framing; the others were answered 201 and wait in open console tabs.
      if (i === 0) expect((await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(logoIds[0]!) }, token })).status).toBe(200)
    }
    const refused = await upload(running.url, event.id, token, testPng(64, 10))
    expect({ status: refused.status, body: await refused.json() }).toEqual({ status: 409, body: { code: 'LIMIT_REACHED', params: { what: 'logos', maximum: LOGOS_PER_EVENT_MAX } } })
    // The last upload answered before the refusal is still there and can be saved into the framing.
    const last = logoIds.at(-1)!
    expect((await fetch(`${running.url}/api/events/${event.id}/framing/logos/${last}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    // A save keeps uploads nobody has saved yet while they are recent (another tab may save one) …
    const folder = path.join(data.dir, 'logos', event.id)
    const saved = await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(last) }, token })
    expect(saved).toEqual({ status: 200, body: { framing: framing(last) } })
    expect((await readdir(folder)).length).toBe(LOGOS_PER_EVENT_MAX - 1)
    // … and gives up those nobody saved for longer than UNSAVED_LOGO_KEEP_MS: uploads are taken again.
    const longAgo = new Date(Date.now() - UNSAVED_LOGO_KEEP_MS - 60_000)
    for (const id of logoIds.slice(1, -1)) await utimes(path.join(folder, `${id}.png`), longAgo, longAgo)
    expect((await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(last) }, token })).status).toBe(200)
    expect(await readdir(folder)).toEqual([`${last}.png`])
    expect((await upload(running.url, event.id, token, testPng(64, 10))).status).toBe(201)
  })

  it('travels in the JSON backup: an import writes the logos back, and its documentation shows them again', async () => {
    running = await startServer(data.dir)
    const { event, facilitatorToken: token } = await createEvent(running.url, { title: 'Regionalkonferenz Winnenden', tableNames: ['Sprache'] })
    const { logoId } = (await (await upload(running.url, event.id, token, testPng(90, 30))).json()) as { logoId: string }
    await api(running.url, `/api/events/${event.id}/framing`, { method: 'PUT', body: { framing: framing(logoId) }, token })
    const file = (await (await fetch(`${running.url}/api/events/${event.id}/export?format=json`, { headers: { authorization: `Bearer ${token}` } })).json()) as { logos?: { id: string; data: string }[] }
    expect(file.logos?.map((l) => l.id)).toEqual([logoId])

    // A logo in the file that is no image refuses the whole import, and nothing is stored.
    const before = (await api<unknown[]>(running.url, '/api/events', { token: adminKeyOf(running.url) })).body.length
    const broken = { ...file, logos: [{ ...file.logos![0]!, data: Buffer.from('<svg/>').toString('base64') }] }
    const refused = await api(running.url, '/api/events/import', { body: broken, token: adminKeyOf(running.url) })
    expect(refused).toMatchObject({ status: 400, body: { code: 'INVALID_MESSAGE', params: { path: ['logos', 0, 'data'], issue: 'invalid_value' } } })
    expect((await api<unknown[]>(running.url, '/api/events', { token: adminKeyOf(running.url) })).body.length).toBe(before)

    const imported = await api<{ id: string; links: { facilitator: string } }>(running.url, '/api/events/import', { body: file, token: adminKeyOf(running.url) })
    expect(imported.status).toBe(201)
    const copy = imported.body.id
    const copyToken = tokenOfLink(imported.body.links.facilitator)
    const copied = (await api<{ framing: { organisers: { name: string; logoId: string | null }[] } }>(running.url, `/api/events/${copy}/framing`, { token: copyToken })).body.framing
    const newLogo = copied.organisers[0]!.logoId
    expect(newLogo).toMatch(/^[a-z0-9]{16}$/)
    expect(await readdir(path.join(data.dir, 'logos', copy))).toEqual([`${newLogo}.png`])
    const served = await fetch(`${running.url}/api/events/${copy}/framing/logos/${newLogo}`, { headers: { authorization: `Bearer ${copyToken}` } })
    expect(served.status).toBe(200)

    const pdf = await fetch(`${running.url}/api/events/${copy}/export?format=pdf`, { headers: { authorization: `Bearer ${copyToken}` } })
    expect((await readPdfStructure(new Uint8Array(await pdf.arrayBuffer()))).pages.flatMap(readingOrder)).toContain('Figure: Logo: Landratsamt Rems-Murr-Kreis')
  })
})
