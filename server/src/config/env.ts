import path from 'node:path'
import { z } from 'zod'
import { nodeAddressSchema } from '@tischrunde/shared'
import { DEFAULT_LIMITS, type Limits } from './limits.js'

/** Settings read from the environment at boot. Bad values stop the start with a list of the keys. */
const envSchema = z
  .object({
    /** @default 3000 */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** @default '0.0.0.0' — reachable from phones on the venue network. Use 127.0.0.1 to keep it local. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** @default './data' — events, boards and the server's signing key live here. */
    TISCHRUNDE_DATA_DIR: z.string().min(1).default('data'),
    /** The address phones use to reach this server (printed and put into QR codes). Default: guessed from the network. */
    TISCHRUNDE_PUBLIC_URL: z.string().url().optional(),
    /** @default 2000 — open connections (board sockets + Socket.IO) before new ones are refused with 503 / SERVER_FULL. */
    TISCHRUNDE_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxConnections),
    TISCHRUNDE_MAX_CONNECTIONS_PER_PERSON: z.coerce.number().int().min(2).default(DEFAULT_LIMITS.maxConnectionsPerPerson!),
    /** @default 20 — messages per second per board socket (burst 3×); beyond it the socket is closed with 4429. */
    TISCHRUNDE_BOARD_MESSAGES_PER_SECOND: z.coerce.number().positive().default(DEFAULT_LIMITS.boardMessagesPerSecond),
    /** @default 10 — commands per second per Socket.IO connection (burst 3×); beyond it they are answered RATE_LIMITED. */
    TISCHRUNDE_CONTROL_MESSAGES_PER_SECOND: z.coerce.number().positive().default(DEFAULT_LIMITS.controlMessagesPerSecond),
    /** @default 20 — new cards a participant may write at once before the pace below applies. */
    TISCHRUNDE_CARDS_BURST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.cardsBurst),
    /** @default 30 — new cards per participant and minute after the burst. */
    TISCHRUNDE_CARDS_PER_MINUTE: z.coerce.number().positive().default(DEFAULT_LIMITS.cardsPerMinute),
    /**
     * @default false — only the holder of the admin link (printed at the start) creates events. `true`
     * opens POST /api/events to everyone who reaches the server, at TISCHRUNDE_EVENTS_PER_HOUR per address.
     */
    TISCHRUNDE_OPEN_EVENT_CREATION: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** @default 10 — new events per hour and address when creation is open. */
    TISCHRUNDE_EVENTS_PER_HOUR: z.coerce.number().positive().default(DEFAULT_LIMITS.eventsPerHour),
    /** @default 200 — events on the installation; more are refused with LIMIT_REACHED. */
    TISCHRUNDE_MAX_EVENTS: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxEvents),
    /** @default 1000 — new participants one address may add at once (then five a second). */
    TISCHRUNDE_JOINS_BURST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.joinsBurst),
    /** @default 15000 — longest silence on a doc socket (ms) before the server sends a sign of life (below the client's 30 s). */
    TISCHRUNDE_BOARD_KEEPALIVE_MS: z.coerce.number().int().min(100).max(25_000).default(DEFAULT_LIMITS.boardKeepAliveMs!),
    /**
     * HTTPS directly, without a proxy: the certificate (PEM, the chain included) and its private key
     * (PEM). Both or neither. Phones keep their cards across a reload only in a secure context.
     */
    TISCHRUNDE_TLS_CERT: z.string().min(1).optional(),
    TISCHRUNDE_TLS_KEY: z.string().min(1).optional(),
    /**
     * Events, records and docs in this Redis server instead of the data folder (which still holds the
     * signing key). Run Redis with `appendonly yes` and `appendfsync always`, or "gespeichert" means
     * less than on a local disk (the start warns).
     */
    TISCHRUNDE_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'redis://… oder rediss://…').optional(),
    /** @default 'tischrunde:' — prefix of every key, so installations can share one Redis server. */
    TISCHRUNDE_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('tischrunde:'),
    /**
     * Several nodes on one Redis: where the other nodes reach this one (they forward an event's
     * sockets to its owner). @default the address the server listens on
     */
    TISCHRUNDE_NODE_URL: nodeAddressSchema.optional(),
    /** @default 10000 — how long a node's ownership of an event lasts without renewal (ms): a killed node's events move after at most this. */
    TISCHRUNDE_LEASE_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
    /** Longest a stop (SIGTERM, Ctrl+C) waits for the server to store what it holds; then the process ends anyway. */
    TISCHRUNDE_STOP_MAX_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /** @default 'info' */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => (e.TISCHRUNDE_TLS_CERT === undefined) === (e.TISCHRUNDE_TLS_KEY === undefined), {
    path: ['TISCHRUNDE_TLS_KEY'],
    message: 'TISCHRUNDE_TLS_CERT und TISCHRUNDE_TLS_KEY nur zusammen setzen',
  })
export type Env = z.infer<typeof envSchema>

/** Parses `process.env`; throws an Error listing every bad key. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env & { dataDir: string } {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Ungültige Umgebungsvariablen: ${keys}`)
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.TISCHRUNDE_DATA_DIR) }
}

/** The certificate and key files for HTTPS, when both are set. */
export function tlsFromEnv(env: Env): { certFile: string; keyFile: string } | undefined {
  if (!env.TISCHRUNDE_TLS_CERT || !env.TISCHRUNDE_TLS_KEY) return undefined
  return { certFile: path.resolve(env.TISCHRUNDE_TLS_CERT), keyFile: path.resolve(env.TISCHRUNDE_TLS_KEY) }
}

/** The rate limits and caps the environment sets. */
export function limitsFromEnv(env: Env): Limits {
  return {
    maxConnections: env.TISCHRUNDE_MAX_CONNECTIONS,
    maxConnectionsPerPerson: env.TISCHRUNDE_MAX_CONNECTIONS_PER_PERSON,
    boardMessagesPerSecond: env.TISCHRUNDE_BOARD_MESSAGES_PER_SECOND,
    boardMessagesBurst: env.TISCHRUNDE_BOARD_MESSAGES_PER_SECOND * 3,
    controlMessagesPerSecond: env.TISCHRUNDE_CONTROL_MESSAGES_PER_SECOND,
    controlMessagesBurst: env.TISCHRUNDE_CONTROL_MESSAGES_PER_SECOND * 3,
    cardsBurst: env.TISCHRUNDE_CARDS_BURST,
    cardsPerMinute: env.TISCHRUNDE_CARDS_PER_MINUTE,
    maxEvents: env.TISCHRUNDE_MAX_EVENTS,
    eventsPerHour: env.TISCHRUNDE_EVENTS_PER_HOUR,
    joinsBurst: env.TISCHRUNDE_JOINS_BURST,
    boardKeepAliveMs: env.TISCHRUNDE_BOARD_KEEPALIVE_MS,
  }
}
