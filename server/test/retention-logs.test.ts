import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCredentials } from '../src/access/credentials.js'
import { type TischrundeServer, createTischrundeServer } from '../src/app.js'
import { openStorage } from '../src/storage/open-storage.js'
import { api, createEvent, rememberAdminKey } from './helpers/api.js'
import { connectPhone } from './helpers/board-client.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

describe('the server log (data protection)', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let server: TischrundeServer
  let url: string
  const lines: string[] = []
  const SECRET_TEXT = 'Frau Özdemir aus der Lindenstraße braucht Hilfe'
  const NAME = 'Bärbel Wuttke-Krämer'

  beforeAll(async () => {
    data = await tempDataDir('logs')
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString('utf8')), done()) })
    const log = pino({ level: 'trace', base: undefined }, sink)
    server = createTischrundeServer({ storage: await openStorage(data.dir), credentials: await openCredentials(data.dir), log, retentionSweepMs: 0 })
    url = await server.listen(0, '127.0.0.1')
    rememberAdminKey(url, server.credentials.adminKey)
  })
  afterAll(async () => {
    await server?.close()
    await data?.remove()
  })

  it('holds no card text, no name and no IP address, whatever was written, refused or deleted', async () => {
    const created = await createEvent(url, { title: 'Log-Prüfung', tableNames: ['Sprache'] })
    await advanceRounds(url, created.facilitatorToken)
    const phone = await connectPhone(url, created.event.id, 'sprache', created.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'card-log-1', text: SECRET_TEXT, authorName: NAME }))
    await phone.saved()
    // A refused write: a card for a station that is not open.
    phone.put(phone.card({ id: 'card-log-2', text: `${SECRET_TEXT} (zu früh)`, stationId: 'station-3', authorName: NAME }))
    await waitFor(() => phone.refusals.length > 0, 'the refusal')
    phone.destroy()
    // Wrong join codes (counted per address), then the deletion.
    for (const code of ['ZZZZZZ', 'YYYYYY']) await api(url, '/api/join', { body: { code } })
    expect((await api(url, `/api/events/${created.event.id}`, { method: 'DELETE', token: created.facilitatorToken })).status).toBe(204)
    await server.rooms.settle()
    const all = lines.join('')
    expect(lines.length).toBeGreaterThan(0)
    expect(all).toContain('event deleted')
    for (const trace of [SECRET_TEXT, 'Lindenstraße', NAME, '127.0.0.1', '::ffff:']) expect(all, trace).not.toContain(trace)
  })
})
