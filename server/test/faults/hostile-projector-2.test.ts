import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type CreateEventResponse, ErrorCode, WIRE_VERSION, clientEvents, programmeClientEvents } from '@tischrunde/shared'
import { api, createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { within } from '../helpers/wait.js'
import { controlSocket, report } from './fault-kit.js'

/** Every command only the facilitator may send (a table host groups and moderates at their own table only), with a well-formed payload. */
const FACILITATOR_COMMANDS: [string, unknown][] = [
  ['round:advance', { expectedVersion: 0 }],
  ['round:back', { expectedVersion: 0 }],
  ['round:end', { expectedVersion: 0 }],
  ['round:pause', { expectedVersion: 0 }],
  ['round:resume', { expectedVersion: 0 }],
  ['timer:extend', { expectedVersion: 0, minutes: 5 }],
  ['timer:set', { expectedVersion: 0, minutes: 7 }],
  ['timer:start', { expectedVersion: 0 }],
  ['projector:show', { display: { view: 'review', tableId: null, station: 0, spotlight: null } }],
  ['round:configure', { settings: { stationMinutes: 1, graceSeconds: 0 } }],
  ['station:lock', { stationId: 'station-1', locked: true }],
  ['event:display', { showNames: true }],
  ['tree:objectives', { groupId: 'kleiner-landkreis' }],
  ['actors:refresh', {}],
  ['tree:configure', { method: { attribute: 'Kommunengröße', values: ['kleiner Landkreis'], maxGroupSize: null } }],
  ['card:moderate', { tableId: 'sprache', cardId: 'card-0001', action: 'hide' }],
  ['station:moderation', { stationId: 'station-1', collect: true }],
  ['station:reveal', { stationId: 'station-1' }],
  ['vote:open', { setup: { question: 'Welche Maßnahmen zuerst?', scope: {}, budget: 3, perCardMax: 1 } }],
  ['vote:freeze', { stepId: 'step-abcdef', frozen: true }],
  ['vote:show', { stepId: 'step-abcdef', shown: true }],
  ['vote:order', { stepId: 'step-abcdef' }],
  ['groups:edit', { column: { tableId: 'sprache', stationId: 'station-1', columnId: 'laeuft-gut' }, change: { type: 'create', id: 'gruppe-0001', title: 'Sprache', cardIds: [] } }],
  ['cards:move', { column: { tableId: 'sprache', stationId: 'station-1', columnId: 'laeuft-gut' }, cardId: 'karte-00001', beforeCardId: null }],
  ['programme:shift', { minutes: 10 }],
  ['programme:workshop', { workshopId: 'workshop-1', closed: true }],
  ['programme:move', { participantId: 'person-00001', phaseId: 'phase-1', workshopId: null }],
  ['programme:roster', {}],
  ['programme:save', { programme: { items: [] }, expectedVersion: null }],
]

/**
 * The projector's credential (a link anyone in the hall may photograph, and the grouping view's
 * address without its handed-over key) does nothing only the facilitator may: no Socket.IO command,
 * no HTTP route that writes or exports.
 */
describe('fault suite: hostile projector credential', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-projector-2')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Beamer', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('answers the projector issuing each facilitator command with FORBIDDEN', async () => {
    const phoneOnly = new Set(['presence:table', 'tree:join', 'vote:cast', 'programme:get', 'programme:choose', 'programme:lookup'])
    // The list covers every command there is.
    expect([...FACILITATOR_COMMANDS.map(([n]) => n), 'event:update'].sort()).toEqual([...Object.keys(clientEvents), ...Object.keys(programmeClientEvents)].filter((n) => !phoneOnly.has(n)).sort())
    const screen = controlSocket(running.url, { token: cafe.projectorToken, wire: WIRE_VERSION })
    try {
      await screen.ready
      // event:update gets the event's own setup with a new title.
      const { id: _id, ...setup } = (await api<{ event: Record<string, unknown> }>(running.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })).body.event
      const commands: [string, unknown][] = [...FACILITATOR_COMMANDS, ['event:update', { setup: { ...setup, title: 'Übernommen' } }]]
      const codes: string[] = []
      for (const [name, payload] of commands) codes.push(((await within(screen.socket.emitWithAck(name, payload) as Promise<Ack>, `the ack of ${name}`)) as { code?: string }).code ?? 'ok')
      report('projector issuing every facilitator command', [...new Set(codes)].join(', '))
      expect(codes).toEqual(commands.map(() => ErrorCode.FORBIDDEN))
      expect((await api<{ event: { title: string } }>(running.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })).body.event.title).toBe('Beamer')
    } finally {
      screen.socket.disconnect()
    }
  })

  it('refuses the projector every facilitator route and "Meine Beiträge löschen"', async () => {
    const id = cafe.event.id
    const token = cafe.projectorToken
    const routes: [string, string, unknown?][] = [
      ['PUT', `/api/events/${id}/framing`, { framing: { subtitle: 'x', organisers: [], intro: '', outlook: '' } }],
      ['GET', `/api/events/${id}/framing`],
      ['PUT', `/api/events/${id}/retention`, { deleteOn: '2099-01-01' }],
      ['PUT', `/api/events/${id}/privacy`, { controller: 'x', contact: '', imprint: '' }],
      ['POST', `/api/events/${id}/revoke`, { link: 'projector' }],
      ['DELETE', `/api/events/${id}`],
      ['DELETE', `/api/events/${id}/my-contributions`],
      ['GET', `/api/events/${id}/export?format=json`],
      ['GET', `/api/events/${id}/export.json`],
      ['GET', `/api/events/${id}/moderation/held.csv`],
      ['GET', `/api/events/${id}/votes/export`],
    ]
    const answers: string[] = []
    for (const [method, path, body] of routes) {
      const res = await api<{ code?: string }>(running.url, path, { method, token, ...(body === undefined ? {} : { body }) })
      answers.push(`${method} ${path.replace(id, ':id')} → ${res.status}`)
      expect([401, 403], `${method} ${path}`).toContain(res.status)
    }
    report('projector on facilitator routes', answers.join('; '))
    // Nothing changed: the projector still gets in, the event is still there, the participant still joins.
    expect((await api(running.url, `/api/events/${id}`, { token: cafe.facilitatorToken })).status).toBe(200)
    expect((await join(running.url, cafe.joinCode)).token).toBeTruthy()
  })
})
