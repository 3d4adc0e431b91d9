import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { pino, type Logger } from 'pino'
import { openCredentials } from './access/credentials.js'
import { type AppOptions, type TischrundeServer, createTischrundeServer } from './app.js'
import { lockDataDir } from './storage/data-dir-lock.js'
import { logFileSink } from './storage/log-file-sink.js'
import { openStorage } from './storage/open-storage.js'
import { eventStoreFile } from './storage/open-storage.js'
import { setAsideDataFile } from './storage/lowdb-event-store.js'
import { DataFileError } from './storage/storage-error.js'
import type { Limits } from './config/limits.js'
import { openDeletedEvents } from './retention/deleted-events.js'
import { redisDeletedEvents } from './retention/redis-deleted-events.js'
import type { ClusterNode } from './cluster/cluster-node.js'
import { fileLogoStore } from './framing/logo-store.js'

/** The built client, next to the server in the repository. */
export const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url))

export interface Booted {
  server: TischrundeServer
  log: Logger
  unlock: () => Promise<void>
}

/**
 * Opens the data folder (locked, validated) and builds the server. With `startFresh`, an
 * unreadable event file is set aside instead of stopping the start.
 */
export async function boot(opts: {
  dataDir: string
  logLevel: string
  startFresh: boolean
  withClient: boolean
  limits?: Partial<Limits>
  publicUrl?: string | undefined
  /** Anyone may create events (TISCHRUNDE_OPEN_EVENT_CREATION). */
  openEventCreation?: boolean
  /** HTTPS: PEM files of the certificate and its key (TISCHRUNDE_TLS_CERT, TISCHRUNDE_TLS_KEY). */
  tls?: { certFile: string; keyFile: string } | undefined
  /** Events and docs in Redis (TISCHRUNDE_REDIS_URL, TISCHRUNDE_REDIS_PREFIX) instead of the data folder. */
  redis?: { url: string; prefix: string; nodeUrl?: string | undefined; leaseMs?: number | undefined } | undefined
  /** Further server options (tests: an extra doc kind, a short idle time for docs). */
  app?: Pick<AppOptions, 'docKinds' | 'roomIdleMs' | 'programmeNow' | 'now' | 'retentionSweepMs'>
}): Promise<Booted> {
  const logFile = logFileSink()
  const log = logFile ? pino({ level: opts.logLevel, base: undefined }, logFile) : pino({ level: opts.logLevel, base: undefined })
  // Read before the data folder is locked: a wrong path stops the start with a plain message.
  const tls = opts.tls ? readTls(opts.tls) : undefined
  const unlock = await lockDataDir(opts.dataDir)
  let cluster: ClusterNode | undefined
  try {
    // On Redis a node is one of several: it serves the events it owns and forwards the others.
    // Loaded only then: a single node does not pay for the adapter's modules at its start.
    if (opts.redis) cluster = await (await import('./cluster/cluster-node.js')).startClusterNode({ ...opts.redis, log })
    const redis = opts.redis && {
      ...opts.redis,
      ...(cluster ? { fence: cluster.leases } : {}),
      onWeakDurability: (durability: string) =>
        log.warn({ durability }, 'Redis schreibt nicht bei jedem Schreiben auf die Platte (appendonly yes, appendfsync always empfohlen): "gespeichert" übersteht dann keinen Absturz des Redis-Rechners'),
      onUnreadable: (what: string, error: unknown) => log.error({ err: error, entry: what }, 'unlesbarer Eintrag in Redis übersprungen'),
    }
    let storage
    try {
      storage = await openStorage(opts.dataDir, redis)
    } catch (error) {
      if (!(error instanceof DataFileError) || !opts.startFresh) throw error
      const aside = await setAsideDataFile(eventStoreFile(opts.dataDir))
      log.warn({ file: error.file, aside }, 'Unlesbare Datendatei beiseitegelegt, Start mit leerem Bestand')
      storage = await openStorage(opts.dataDir, redis)
    }
    const credentials = await openCredentials(opts.dataDir)
    // Several nodes: deleted events are marked in Redis, so every node answers their links "gelöscht";
    // the node's own file (deletions from before it ran on Redis) is still read.
    const ownDeletions = await openDeletedEvents(opts.dataDir)
    const deletedEvents = cluster && opts.redis ? await redisDeletedEvents(cluster.redis, opts.redis.prefix, ownDeletions) : ownDeletions
    const server = createTischrundeServer({
      ...opts.app,
      storage,
      credentials,
      deletedEvents,
      logos: fileLogoStore(path.join(opts.dataDir, 'logos')),
      log,
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
      ...(opts.openEventCreation ? { openEventCreation: true } : {}),
      ...(opts.withClient ? { clientDist: CLIENT_DIST } : {}),
      ...(tls ? { tls } : {}),
      ...(cluster ? { cluster } : {}),
    })
    return { server, log, unlock }
  } catch (error) {
    await cluster?.close()
    await unlock()
    throw error
  }
}

/** The certificate and key files, read; an unreadable one stops the start, naming the file. */
function readTls(files: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new Error(`${what} nicht lesbar: ${file} (${(error as NodeJS.ErrnoException).code ?? 'Fehler'})`, { cause: error })
    }
  }
  return { cert: read(files.certFile, 'TISCHRUNDE_TLS_CERT'), key: read(files.keyFile, 'TISCHRUNDE_TLS_KEY') }
}
