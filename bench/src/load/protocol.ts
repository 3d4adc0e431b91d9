/** Messages between the bench orchestrator and its load-generator processes (over the fork IPC channel). */

/** Phones a generator connects at once, and how long one may take to open and sync (each of its sockets). */
export const CONNECT_BATCH = 50
export const CONNECT_TIMEOUT_MS = 30_000

/**
 * How a phone seated at a table reaches the control plane (Tischrunde only; the reference has none):
 *   carried    on its board's doc socket (`?control=`), one connection per phone, as the app does
 *   socket.io  a Socket.IO control socket beside the board socket (the phone before #22: two connections)
 *   none       no control plane at all (board socket only; projectors open no Socket.IO either)
 */
export type PhoneControl = 'carried' | 'socket.io' | 'none'

/** One simulated phone: a board socket at its table, and (against Tischrunde) its control plane. */
export interface PhoneSpec {
  table: string
  /** Participant credential; null against the reference server (no auth). */
  token: string | null
  /** The participant the credential belongs to (the author of its cards). */
  participantId: string
  /** Writers are real y-websocket clients (Y.Doc + WebsocketProvider) that add cards; the rest observe. */
  writer: boolean
  /** Global writer index (0..writers-1) for the write schedule. */
  writerIndex: number
}

export interface WorkerSetup {
  type: 'setup'
  target: 'tischrunde' | 'reference'
  httpUrl: string
  eventId: string
  phones: PhoneSpec[]
  /** Projectors: real y-websocket clients, one per table, read-only credential. */
  projectors: { table: string; token: string | null }[]
  /** The phones' control plane (always 'none' against the reference); projectors use Socket.IO unless 'none'. */
  control: PhoneControl
  wireVersion: number
}

export interface WorkerStart {
  type: 'start'
  /** Wall-clock ms at which the schedule begins. */
  t0: number
  durationMs: number
  /** Cards per second over all writers. */
  rate: number
  writers: number
  /** Time after the last write for late deliveries to arrive. */
  drainMs: number
}

export interface WorkerReady {
  type: 'ready'
  connectMs: number
  /** Sockets that failed to open or sync. */
  failed: number
  /** The tables of observers that failed to connect: every card there counts as lost for them. */
  failedObserverTables: string[]
  errors: string[]
}

/** What one observer (a phone or a projector) received: card id → latency in ms. */
export interface ObserverReport {
  table: string
  projector: boolean
  /** Flat pairs: [cardId, latencyMs, cardId, latencyMs, …]. */
  received: (string | number)[]
  /** Cards written by this same client, which it does not count as received. */
  own: string[]
}

export interface WorkerDone {
  type: 'done'
  written: { id: string; table: string }[]
  observers: ObserverReport[]
  /** Share of one core used by this process during the window (%). */
  cpuPercent: number
  eventLoopDelay: { p50: number; p99: number; max: number }
  /** Sockets that closed during the window. */
  closed: number
  /** Writes the server refused (Tischrunde's MESSAGE_REFUSED) and closes with a refusal code (4000–4999). */
  refusals: number
  errors: string[]
}

export type ToWorker = WorkerSetup | WorkerStart | { type: 'stop' }
export type FromWorker = WorkerReady | WorkerDone | { type: 'error'; message: string }

/** Card text carrying its send time, so any process on the machine can compute the latency. */
export const cardText = (sentAt: number) => `Bench-Karte ${sentAt.toFixed(3)} – Anerkennung ausländischer Abschlüsse dauert zu lange`
export const sentAtOf = (text: unknown): number | null => {
  const m = typeof text === 'string' ? /^Bench-Karte (\d+\.\d+)/.exec(text) : null
  return m ? Number(m[1]) : null
}
