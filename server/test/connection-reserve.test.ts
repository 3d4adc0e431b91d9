import { WebSocket } from 'ws'
import { afterAll, describe, expect, it } from 'vitest'
import { boardDocName } from '@tischrunde/shared'
import { EVENT_SHARE, staffReserve } from '../src/config/limits.js'
import { createEvent, join, rememberAdminKey, tokenOfLink } from './helpers/api.js'
import { killAllChildren, startChildServer } from './helpers/child-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

/** Opens a board socket: its HTTP answer (101 once the board's first message came), and the socket. */
function openBoard(url: string, docName: string, token: string): Promise<{ status: number; ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    ws.once('message', () => resolve({ status: 101, ws }))
    ws.once('unexpected-response', (_req, res) => (res.resume(), resolve({ status: res.statusCode ?? 0, ws })))
    ws.on('error', () => resolve({ status: 0, ws }))
  })
}

afterAll(killAllChildren)

describe('connections kept for the staff', () => {
  it('keeps the last slots of the server for facilitators and projectors, and a share of the participants’ for other events: participants who fill it cannot lock them out', async () => {
    const data = await tempDataDir('connection-reserve')
    const max = 48
    const child = await startChildServer(data.dir, { env: { TISCHRUNDE_MAX_CONNECTIONS: String(max), TISCHRUNDE_MAX_CONNECTIONS_PER_PERSON: '16' } })
    rememberAdminKey(child.url, child.adminKey)
    const sockets: WebSocket[] = []
    try {
      const cafe = await createEvent(child.url, { title: 'Volles Haus', tableNames: ['Bildung'] })
      const other = await createEvent(child.url, { title: 'Nebenan', tableNames: ['Arbeit'] })
      const board = boardDocName(cafe.event.id, 'bildung')
      // Fresh identities, 16 sockets each, until the server refuses the event's participants.
      const fill = async (code: string, doc: string) => {
        const statuses: number[] = []
        for (let person = 0; person < 5 && !statuses.includes(503); person++) {
          const { token } = await join(child.url, code)
          for (let i = 0; i < 16; i++) {
            const opened = await openBoard(child.url, doc, token)
            sockets.push(opened.ws)
            statuses.push(opened.status)
          }
        }
        return statuses
      }
      const participantSlots = max - staffReserve(max)
      // One event's participants hold at most their share: the other event's phones still get in.
      const first = await fill(cafe.joinCode, board)
      expect(first.filter((s) => s === 101)).toHaveLength(Math.floor(participantSlots * EVENT_SHARE))
      expect(first).toContain(503)
      const second = await fill(other.joinCode, boardDocName(other.event.id, 'arbeit'))
      expect(first.filter((s) => s === 101).length + second.filter((s) => s === 101).length).toBe(participantSlots)
      expect(second).toContain(503)
      // Facilitators and projectors of both events still get in.
      for (const token of [cafe.facilitatorToken, tokenOfLink(cafe.links.projector), other.facilitatorToken]) {
        const opened = await openBoard(child.url, token === other.facilitatorToken ? boardDocName(other.event.id, 'arbeit') : board, token)
        sockets.push(opened.ws)
        expect(opened.status).toBe(101)
      }
    } finally {
      for (const ws of sockets) ws.terminate()
      await child.stop('SIGTERM')
      await data.remove()
    }
  })
})
