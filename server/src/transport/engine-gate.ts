import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { type CredentialClaims, ErrorCode, actorFromClaims, handshakeAuthSchema } from '@tischrunde/shared'
import { Server, type Socket } from 'socket.io'
import { personOf, staffReserve } from '../config/limits.js'

/**
 * Most engine.io sessions at once that came without a credential in their address and have not yet
 * shown one in the Socket.IO handshake (a page of an older version; anything else is a flood).
 */
export const ANONYMOUS_PENDING_MAX = 256

/** How long a session may take from its engine.io handshake to showing its credential, in ms. */
export const CONTROL_CONNECT_TIMEOUT_MS = 10_000

/** Whose handshake it is, as its address says: a staff link, a participant (by person), or nobody known. */
type Claimant = { kind: 'staff' } | { kind: 'participant'; person: string } | { kind: 'anonymous' }

/** The claimant, kept on the handshake's request for the session it becomes. */
const CLAIMANT = Symbol('claimant')
type ClaimedRequest = IncomingMessage & { [CLAIMANT]?: Claimant }
/** What the gate uses of an engine.io session. */
type EngineSession = { request: ClaimedRequest; once(event: 'close', listener: () => void): void; close(discard: boolean): void }

/**
 * Which engine.io handshakes the control plane takes, before any Socket.IO work: a flood of bare
 * handshakes (no credential, never completed) must not fill the server's connections and lock the
 * facilitator's console and the projectors out. Screens put their credential in the address
 * (`?token=`); its signature is checked here (the Socket.IO handshake checks it fully again).
 * - a staff link is taken up to the cap plus the staff reserve (a flood of participants leaves it room);
 * - a participant up to the cap less the reserve, with at most `maxPerPerson` sessions not yet shown;
 * - a handshake without a credential only while fewer than `ANONYMOUS_PENDING_MAX` such wait;
 * and every session that has not shown its credential within `CONTROL_CONNECT_TIMEOUT_MS` is closed, as is
 * every session whose Socket.IO socket has gone.
 */
export class EngineGate {
  /** Sessions that have not completed the Socket.IO handshake: whose they are, and when they are closed. */
  private readonly pending = new Map<object, { claimant: Claimant; timer: NodeJS.Timeout }>()
  private readonly reserve: number
  private io: Server | null = null

  constructor(
    private readonly max: number,
    private readonly maxPerPerson: number,
    private readonly claimsOf: (token: string) => CredentialClaims | null,
  ) {
    this.reserve = staffReserve(max)
  }

  /**
   * Follows the server's sessions from their engine.io handshake until they show their credential or
   * close; one that has shown none in time is closed at once (Socket.IO's own timeout would wait for
   * a long-polling session's next request to say goodbye, up to half a minute more).
   */
  watch(io: Server): void {
    this.io = io
    io.engine.on('connection', (raw: EngineSession) => {
      const claimant = raw.request[CLAIMANT]
      if (!claimant) return
      const timer = setTimeout(() => raw.close(true), CONTROL_CONNECT_TIMEOUT_MS)
      this.pending.set(raw, { claimant, timer })
      raw.once('close', () => this.shown(raw))
    })
    io.on('connection', (socket: Socket) => {
      this.shown(socket.conn)
      // The app speaks on one namespace only: a session whose namespace socket is gone (the client
      // left it, or the server sent it away) is closed too. Socket.IO itself keeps such a session open
      // for as long as it answers pings, holding a connection of the cap with nothing on it.
      socket.once('disconnect', () => {
        if (socket.conn.readyState === 'open') socket.conn.close()
      })
    })
  }

  private shown(raw: object): void {
    clearTimeout(this.pending.get(raw)?.timer)
    this.pending.delete(raw)
  }

  /** engine.io's `allowRequest`: null to take the handshake, else the refusal's code. */
  admit(req: IncomingMessage): string | null {
    const open = this.io?.engine.clientsCount ?? 0
    const claimant = this.claimantOf(req)
    if (claimant.kind === 'staff') {
      if (open >= this.max + this.reserve) return ErrorCode.SERVER_FULL
    } else {
      if (open >= this.max - this.reserve) return ErrorCode.SERVER_FULL
      const waiting = this.waiting(claimant)
      if (claimant.kind === 'anonymous' ? waiting >= ANONYMOUS_PENDING_MAX : waiting >= this.maxPerPerson) return ErrorCode.RATE_LIMITED
    }
    ;(req as ClaimedRequest)[CLAIMANT] = claimant
    return null
  }

  private claimantOf(req: IncomingMessage): Claimant {
    const token = tokenInAddress(req.url ?? '/')
    const claims = token ? this.claimsOf(token) : null
    if (!claims) return { kind: 'anonymous' }
    const actor = actorFromClaims(claims)
    const person = personOf(actor)
    return actor.role === 'participant' && person !== null ? { kind: 'participant', person } : { kind: 'staff' }
  }

  /** Sessions of the same claimant (participant: the same person) still waiting for their Socket.IO handshake. */
  private waiting(claimant: Claimant): number {
    let n = 0
    for (const { claimant: other } of this.pending.values()) {
      if (other.kind !== claimant.kind) continue
      if (claimant.kind === 'participant' && other.kind === 'participant' && other.person !== claimant.person) continue
      n++
    }
    return n
  }
}

/** The `token` of a request's address; null when it has none or the address cannot be read (an absolute-form target with a broken host). */
function tokenInAddress(url: string): string | null {
  try {
    // The same shape as the Socket.IO handshake's own credential (shared schema); anything else counts as none.
    const token = handshakeAuthSchema.shape.token.safeParse(new URL(url, 'http://gate').searchParams.get('token'))
    return token.success ? token.data : null
  } catch {
    return null
  }
}

/** The control plane's Socket.IO server on `httpServer`, its handshakes let in by `gate`. */
export function openControlServer(httpServer: HttpServer, maxMessageBytes: number, gate: EngineGate): Server {
  const io = new Server(httpServer, {
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: maxMessageBytes,
    // Connection-state recovery stays off: every reconnect is a new handshake whose credential is
    // checked again, so a revoked link or a deleted event cannot slip back in with an old session.
    allowRequest: (req, callback) => {
      const refusal = gate.admit(req)
      callback(refusal, refusal === null)
    },
    // Socket.IO's own timeout stays longer than the gate's: its orderly close of a long-polling
    // session would wait for the next request, and the gate's could no longer close it at once.
    connectTimeout: CONTROL_CONNECT_TIMEOUT_MS * 4,
  })
  gate.watch(io)
  return io
}
