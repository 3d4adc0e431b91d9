import type { Duplex } from 'node:stream'

/** The longest the upgrade's answer waits for the first messages to join it, in ms. */
const FIRST_FLIGHT_MAX_MS = 50

/**
 * The first flight of a doc socket: the upgrade's answer and the first messages (the server's
 * state vector, what is stored, the reply to the client's sync request, and on a socket that carries
 * the control plane its first pushes) leave in one TCP write instead of one each — a seated phone
 * got twelve before. The socket stays corked from the upgrade until `land`, at most
 * FIRST_FLIGHT_MAX_MS (a doc read from the disk, a slow store: what is ready goes).
 */
export function firstFlight(socket: Duplex): { land(after?: Promise<unknown>): void } {
  socket.cork()
  let landed = false
  const land = () => {
    if (landed) return
    landed = true
    clearTimeout(timer)
    socket.uncork()
  }
  const timer = setTimeout(land, FIRST_FLIGHT_MAX_MS)
  return { land: (after) => (after ? void after.finally(land) : land()) }
}

/** Answers an upgrade with an HTTP status instead, and closes the connection. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}
