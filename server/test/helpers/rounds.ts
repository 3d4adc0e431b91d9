import { type Socket, io } from 'socket.io-client'
import { type Ack, type RoundMessage, type RoundState, WIRE_VERSION } from '@tischrunde/shared'
import { waitFor, within } from './wait.js'

/** Runs `steps` on a facilitator's control-plane socket, as the console does; closes it afterwards. */
async function asFacilitator<T>(url: string, token: string, steps: (ctl: { command: (name: string, payload: (round: RoundState) => unknown) => Promise<RoundState> }) => Promise<T>): Promise<T> {
  const socket: Socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  const states: RoundMessage[] = []
  socket.on('round:state', (m: RoundMessage) => states.push(m))
  try {
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve())
        socket.once('connect_error', (e) => reject(e))
      }),
      'the facilitator socket to connect',
    )
    await waitFor(() => states.at(-1), 'round:state')
    return await steps({
      async command(name, payload) {
        const round = states.at(-1)!.round
        const ack = (await within(socket.emitWithAck(name, payload(round)), `the ack of ${name}`)) as Ack
        if (!ack.ok) throw new Error(`${name} refused: ${ack.code} ${ack.message}`)
        return (await waitFor(() => states.find((m) => m.round.version > round.version), `the round:state after ${name}`)).round
      },
    })
  } finally {
    socket.disconnect()
  }
}

/** Steps the day forward ("Start" → Station 1 → …) so participants may write. Returns the new state. */
export function advanceRounds(url: string, facilitatorToken: string, steps = 1): Promise<RoundState> {
  return asFacilitator(url, facilitatorToken, async ({ command }) => {
    let round: RoundState | undefined
    for (let i = 0; i < steps; i++) round = await command('round:advance', (r) => ({ expectedVersion: r.version }))
    return round!
  })
}

/** Locks (or unlocks) one station's boards for participants. */
export function lockStation(url: string, facilitatorToken: string, stationId: string, locked = true): Promise<RoundState> {
  return asFacilitator(url, facilitatorToken, ({ command }) => command('station:lock', () => ({ stationId, locked })))
}

/** Steps the day back one step ("Einen Schritt zurück"). Returns the new state. */
export function backRound(url: string, facilitatorToken: string): Promise<RoundState> {
  return asFacilitator(url, facilitatorToken, ({ command }) => command('round:back', (r) => ({ expectedVersion: r.version })))
}
