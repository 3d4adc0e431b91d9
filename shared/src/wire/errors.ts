/** Named failures a client can receive. The client turns each into wording in one module. */
export const ErrorCode = {
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  BAD_JOIN_CODE: 'BAD_JOIN_CODE',
  STORAGE_FAILED: 'STORAGE_FAILED',
  /** The command named an older state than the server's (e.g. a second tab clicked "next" too). */
  STALE_VERSION: 'STALE_VERSION',
  /** A round rule forbids the command now (e.g. "back" before the start). */
  NOT_NOW: 'NOT_NOW',
  /** The server has as many connections open as it is configured for (TISCHRUNDE_MAX_CONNECTIONS). */
  SERVER_FULL: 'SERVER_FULL',
  /** The page that opened the connection belongs to another site. */
  BAD_ORIGIN: 'BAD_ORIGIN',
  /** An installation cap is reached (e.g. as many events as TISCHRUNDE_MAX_EVENTS allows). */
  LIMIT_REACHED: 'LIMIT_REACHED',
  /** A job ran past its time limit and was stopped (e.g. an export of a very long day). */
  TIMED_OUT: 'TIMED_OUT',
  INTERNAL: 'INTERNAL',
  /** Set by the client: the server could not be reached or did not answer in time. */
  NETWORK: 'NETWORK',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** Result of a pure rule: a value, or a named reason. */
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E }
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const err = <E extends string>(error: E): { ok: false; error: E } => ({ ok: false, error })

/**
 * Close codes of board sockets (4000–4999 are free for applications). The server closes with one of
 * these and a short reason; the client shows the matching wording.
 */
export const BoardCloseCode = {
  /** No credential, a wrong one, or one for another event. */
  UNAUTHORIZED: 4401,
  /** The credential may read but tried to write. */
  FORBIDDEN: 4403,
  /** The table or event does not exist (any more). */
  NOT_FOUND: 4404,
  /** A message that is too large or cannot be decoded. */
  INVALID_MESSAGE: 4400,
  /** The server could not store the change; the client keeps it and tries again. */
  STORAGE_FAILED: 4507,
  /** Too many messages or cards in a short time. */
  RATE_LIMITED: 4429,
} as const
export type BoardCloseCode = (typeof BoardCloseCode)[keyof typeof BoardCloseCode]

/**
 * Message type the server adds to the y-websocket protocol (which uses 0–3): "saved up to this state
 * vector". Sent after a client's update is durably stored; the phone marks its cards "gespeichert".
 */
export const MESSAGE_SAVED = 100

/**
 * Message type the server adds: "your last update was not stored", followed by a reason code
 * (a WriteRefusal, as a varString). Sent when a station is locked or closed; the phone keeps the
 * card and shows why. Hostile writes close the socket instead.
 */
export const MESSAGE_REFUSED = 101
