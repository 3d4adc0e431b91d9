import { type Socket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { type Ack, type CreateEventResponse, type ProgrammeInput, WIRE_VERSION } from '@tischrunde/shared'
import { createEvent } from './api.js'
import { within } from './wait.js'

/*
 * The workshop day most programme tests run on: one work phase of the Köln Transferforum (seed 000)
 * with workshops 1 and 2, saved by the facilitator over the control plane as the console does.
 */

type WorkshopInput = ProgrammeInput['items'][number]['workshops'][number]

/** The day: "Arbeitsphase I", 11:30–13:00, workshops `ws-1` and `ws-2`; `extra` adds fields to each (seats, room, speakers). */
export function workshopDay(extra: { ws1?: Partial<WorkshopInput>; ws2?: Partial<WorkshopInput> } = {}): ProgrammeInput {
  return {
    date: '2018-06-19',
    items: [
      {
        id: 'phase-1',
        kind: 'work-phase',
        title: 'Arbeitsphase I',
        start: '11:30',
        end: '13:00',
        workshops: [
          { id: 'ws-1', number: 1, title: 'Kommunale Angebote unter einem Dach', ...extra.ws1 },
          { id: 'ws-2', number: 2, title: 'Ein kreisweites Integrationskonzept', ...extra.ws2 },
        ],
      },
    ],
  }
}

/** Sends a control-plane command and resolves with its answer. */
export type SendCommand = (name: string, payload: unknown) => Promise<Ack & { data?: unknown }>

/**
 * Control sockets of one test (no reconnects), closed together by `closeAll` (in `afterEach`).
 * `eventId`: named in the address, as the app does (several nodes route by it); absent as an older app.
 */
export function controlSockets() {
  const open: Socket[] = []
  return {
    async connect(url: string, token: string, opts: { eventId?: string } = {}): Promise<SendCommand> {
      const socket = io(url, { auth: { token, wire: WIRE_VERSION }, ...(opts.eventId ? { query: { event: opts.eventId } } : {}), transports: ['websocket'], reconnection: false })
      open.push(socket)
      await within(
        new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve())
          socket.once('connect_error', reject)
        }),
        'the control socket to connect',
      )
      return (name, payload) => socket.emitWithAck(name, payload) as Promise<Ack & { data?: unknown }>
    },
    closeAll(): void {
      for (const s of open.splice(0)) s.disconnect()
    },
  }
}

/**
 * An event whose facilitator saved the workshop day (version 1). Answers the event and the
 * facilitator's command sender (its socket belongs to `sockets`).
 */
export async function eventWithWorkshopDay(
  url: string,
  sockets: ReturnType<typeof controlSockets>,
  opts: { tableNames?: string[]; day?: ProgrammeInput } = {},
): Promise<{ event: CreateEventResponse; facilitator: SendCommand }> {
  const event = await createEvent(url, { title: 'Transferforum', tableNames: opts.tableNames ?? [] })
  const facilitator = await sockets.connect(url, event.facilitatorToken, { eventId: event.event.id })
  const saved = await facilitator('programme:save', { programme: opts.day ?? workshopDay(), expectedVersion: null })
  if (!saved.ok) throw new Error(`the workshop day was not saved: ${JSON.stringify(saved)}`)
  return { event, facilitator }
}

/** The HTTP status a websocket upgrade to a doc gets (101: it opened). */
export function upgradeStatus(url: string, docName: string, token: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    ws.on('unexpected-response', (req, res) => (res.resume(), req.destroy(), resolve(res.statusCode)))
    ws.on('open', () => (ws.terminate(), resolve(101)))
    ws.on('error', () => {})
  })
}
