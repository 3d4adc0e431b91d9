/**
 * Test support for the voting tests: raw Socket.IO clients (no UI in between) and cards on boards.
 * Only test files import this module.
 */
import { type Socket, io } from 'socket.io-client'
import { type Ack, type GroupsMessage, type VoteBallotsMessage, type VoteStepsMessage, type VoteTallyMessage, WIRE_VERSION } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { connectBoard } from '../helpers/board-client.js'
import { waitFor, within } from '../helpers/wait.js'

/** A control-plane socket with what the server sent it about votes. */
export interface VoteSocket {
  socket: Socket
  steps: VoteStepsMessage[]
  tallies: VoteTallyMessage[]
  ballots: VoteBallotsMessage[]
  groups: GroupsMessage[]
  send(name: string, payload: unknown): Promise<Ack & { data?: unknown }>
  close(): void
}

export async function voteSocket(url: string, token: string): Promise<VoteSocket> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  const out: VoteSocket = {
    socket,
    steps: [],
    tallies: [],
    ballots: [],
    groups: [],
    send: (name, payload) => within(socket.emitWithAck(name, payload) as Promise<Ack & { data?: unknown }>, `the ack of ${name}`),
    close: () => void socket.disconnect(),
  }
  socket.on('vote:steps', (m: VoteStepsMessage) => out.steps.push(m))
  socket.on('vote:tally', (m: VoteTallyMessage) => out.tallies.push(m))
  socket.on('vote:ballots', (m: VoteBallotsMessage) => out.ballots.push(m))
  socket.on('groups:state', (m: GroupsMessage) => out.groups.push(m))
  await within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (e) => reject(e))
    }),
    'the socket to connect',
  )
  await waitFor(() => out.steps.length > 0, 'the voting steps on connect')
  return out
}

/** Writes `n` cards to a table's board as the facilitator; returns their ids in board order. */
export async function writeCards(url: string, eventId: string, tableId: string, token: string, where: { stationId: string; columnId: string }, texts: string[], prefix = ''): Promise<string[]> {
  const board = connectBoard(url, eventId, tableId, token)
  try {
    await board.synced()
    const ids = texts.map((text, i) => {
      const card = aCard({ id: `${prefix}${tableId.slice(0, 6)}-${where.columnId.slice(0, 6)}-${i}`.padEnd(10, 'x').replace(/[^A-Za-z0-9_-]/g, 'x'), text, position: i + 1, ...where })
      board.put(card)
      return card.id
    })
    await board.saved()
    return ids
  } finally {
    board.destroy()
  }
}
