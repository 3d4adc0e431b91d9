import { type IncomingMessage, type ServerResponse, request } from 'node:http'
import { connect } from 'node:net'
import type { Duplex } from 'node:stream'

/** Set on a request one node forwards to another: the receiver serves it or refuses it, never forwards again. */
export const FORWARDED_HEADER = 'x-tischrunde-forwarded'

/** How long connecting to the owner may take before the client is told to retry, in ms. */
const CONNECT_TIMEOUT_MS = 3000

/** The port of an owner's address (`URL` leaves the default port out). */
const portOf = (target: URL) => Number(target.port || 80)

const forwardedFor = (req: IncomingMessage) => {
  const before = req.headers['x-forwarded-for']
  const address = req.socket.remoteAddress ?? 'unknown'
  return before ? `${String(before)}, ${address}` : address
}

/**
 * Passes an HTTP request on to the owner node (`owner`: `http://host:port`) and its answer back.
 * An owner out of reach answers 503: the client tries again, by then another node may own the event.
 * An owner whose address refuses the connection is gone: `refused` decides what happens then.
 */
export function forwardRequest(req: IncomingMessage, res: ServerResponse, owner: string, nodeId: string, refused: () => void): void {
  const target = new URL(owner)
  const upstream = request({
    host: target.hostname,
    port: portOf(target),
    method: req.method,
    path: req.url,
    headers: { ...req.headers, [FORWARDED_HEADER]: nodeId, 'x-forwarded-for': forwardedFor(req) },
    timeout: CONNECT_TIMEOUT_MS,
  })
  upstream.once('timeout', () => upstream.destroy(new Error('owner node timed out')))
  upstream.once('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
    // After the headers the socket is the owner's to time (long-polls wait up to their own limit).
    upstream.setTimeout(0)
  })
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNREFUSED' && !res.headersSent) return refused()
    if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ ok: false, code: 'UNAVAILABLE' }))
    else res.destroy()
  })
  res.once('close', () => upstream.destroy())
  // The body is passed on only once the owner took the connection: an owner that refuses it is
  // gone, and this node then serves the request itself, which needs the body still unread.
  upstream.once('socket', (socket) => {
    if (socket.connecting) socket.once('connect', () => req.pipe(upstream))
    else req.pipe(upstream)
  })
}

/**
 * Passes a websocket upgrade (a doc socket, a Socket.IO websocket) on to the owner node: the request
 * as it came, then the bytes both ways. Either side closing closes the other, so a client whose
 * owner went away reconnects at once.
 */
export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, owner: string, nodeId: string, refused: () => void): void {
  const target = new URL(owner)
  // No Nagle on either leg: a board update is one small frame that must go on at once, not wait
  // for the previous one's acknowledgement (the HTTP server sets this on its own sockets too).
  const upstream = connect({ host: target.hostname, port: portOf(target), noDelay: true })
  if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') socket.setNoDelay(true)
  upstream.setTimeout(CONNECT_TIMEOUT_MS, () => upstream.destroy())
  upstream.once('connect', () => {
    // An owner that accepts but never answers (a frozen process) is given up like one out of reach.
    upstream.once('data', () => upstream.setTimeout(0))
    const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`]
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!.toLowerCase()
      if (name !== FORWARDED_HEADER && name !== 'x-forwarded-for') lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
    }
    lines.push(`${FORWARDED_HEADER}: ${nodeId}`, `x-forwarded-for: ${forwardedFor(req)}`)
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
    if (head.length > 0) upstream.write(head)
    socket.pipe(upstream).pipe(socket)
  })
  let connected = false
  upstream.once('connect', () => (connected = true))
  const closeBoth = () => {
    socket.destroy()
    upstream.destroy()
  }
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    if (!connected && error.code === 'ECONNREFUSED') {
      upstream.destroy()
      return refused()
    }
    closeBoth()
  })
  upstream.once('close', () => connected && closeBoth())
  socket.once('error', closeBoth)
  socket.once('close', closeBoth)
}
