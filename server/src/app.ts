import { existsSync } from 'node:fs'
import { type Server as HttpServer, createServer } from 'node:http'
import { type Server as HttpsServer, createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import type { Credentials } from './access/credentials.js'
import { DocRooms } from './boards/doc-rooms.js'
import { giveBackDotsOfDeletedCards } from './harvest/votes-follow-deletes.js'
import { showActorMaps } from './actors/actor-map-shown.js'
import { followCardChanges } from './actors/actors-follow-cards.js'
import { installModeration, moderationOf } from './moderation/moderation-service.js'
import { createHeldCardsRoute } from './moderation/held-cards-route.js'
import { afterForget } from './harvest/forget-votes.js'
import { HarvestTransfer } from './harvest/harvest-transfer.js'
import { EventService } from './events/event-service.js'
import { EventTransfer } from './events/event-transfer.js'
import { createApi } from './http/api.js'
import { WorkerExportRenderer } from './export/export-runner.js'
import { createExportRoutes } from './http/export-routes.js'
import { createActorExportRoutes } from './export/actors/actor-export-routes.js'
import { createTreeGroupRoutes } from './tree/tree-group-routes.js'
import { createProgrammeExportRoutes, programmeSignUpFiles } from './export/programme/programme-export-routes.js'
import type { ZipExtra } from './export/programme/programme-zip.js'
import { createHarvestExportRoutes } from './export/harvest/harvest-export-routes.js'
import { VoteService } from './harvest/vote-service.js'
import { GroupService } from './harvest/group-service.js'
import type { Storage } from './storage/storage.js'
import { type ClientConfig, DOC_KINDS, type DocKind, type StoredEvent } from '@tischrunde/shared'
import { type Hub, LocalHub } from './hub/hub.js'
import { BOARD_SOCKET_PREFIX, createBoardSockets } from './transport/board-socket.js'
import { createControlPlane } from './transport/control-plane.js'
import { closeSilentConnections } from './transport/silent-connections.js'
import { TreeMembers } from './tree/tree-members.js'
import { createTreeImageRoutes } from './export/tree/tree-routes.js'
import { keepNamesOff } from './retention/drop-names.js'
import { createFramingRoutes } from './framing/framing-routes.js'
import { type LogoStore, memoryLogoStore } from './framing/logo-store.js'
import { pageErrors } from './http/page-errors.js'
import { RoundService } from './rounds/round-service.js'
import { ProgrammeService } from './programme/programme-service.js'
import { programmeCopy } from './programme/programme-copy.js'
import { programmeAgenda } from './programme/programme-agenda.js'
import { ConnectionBudget, DEFAULT_LIMITS, type Limits } from './config/limits.js'
import { type DeletedEvents, type DeletionReason, deletedLink, memoryDeletedEvents } from './retention/deleted-events.js'
import { deletedEventPages } from './retention/deleted-page.js'
import { createRetentionRoutes } from './retention/retention-routes.js'
import { RetentionService } from './retention/retention-service.js'
import type { ClusterNode } from './cluster/cluster-node.js'


/** Participants named in one programme message on the hub (its relay takes at most 5,000). */
const PARTICIPANTS_PER_MESSAGE = 1000
/**
 * How long a connection may take to send its request headers, and how often that is checked, in ms.
 * @default 5000 and 1000 (Node: 60 s, checked every 30 s); closes connections that never send one
 */
const CONNECTION_TIMEOUTS = { headersTimeout: 5_000, connectionsCheckingInterval: 1_000, requestTimeout: 60_000 }
/** How long a stopping server lets a request that is still running answer, in ms. @default 3000 */
const CLOSE_GRACE_MS = 3_000

export interface AppOptions {
  storage: Storage
  credentials: Credentials
  log: Logger
  /** Folder of the built client; when absent the server answers API and sockets only. */
  clientDist?: string
  /** The server's clock, in ms (tests pass a skewed or fake one). */
  now?: () => number
  /** Rate limits and caps; unset ones keep their defaults. */
  limits?: Partial<Limits>
  /** TISCHRUNDE_PUBLIC_URL: pages from there may open sockets (besides the server's own address). */
  publicUrl?: string
  /** The kinds of doc served. @default DOC_KINDS (tests add a kind of their own) */
  docKinds?: readonly DocKind[]
  /** How long a doc without sockets stays in memory, in ms. @default ROOM_IDLE_MS */
  roomIdleMs?: number
  /** Where changes are published. @default an in-process hub */
  hub?: Hub
  /** TISCHRUNDE_OPEN_EVENT_CREATION: anyone may create events (paced). @default false: the admin key only */
  openEventCreation?: boolean
  /**
   * The clock of the programme (what is on now and next, shifts), in ms. @default `now`. A rehearsal
   * (TISCHRUNDE_PROGRAMME_CLOCK) runs the programme as if it were the event's day.
   */
  programmeNow?: () => number
  /** Serve HTTPS (and wss) with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Where deleted events are remembered (their links answer "gelöscht"). @default in memory */
  deletedEvents?: DeletedEvents
  /** How often the retention sweep runs, in ms; 0: never by itself (tests call `retention.sweep`). @default RETENTION_SWEEP_MS */
  retentionSweepMs?: number
  /** One node among several on Redis (TISCHRUNDE_REDIS_URL): event ownership, forwarding, the relayed hub. */
  cluster?: ClusterNode
  /** Where organisers' logos are kept. @default in memory (boot gives the data folder's) */
  logos?: LogoStore
}

export interface TischrundeServer {
  /** The one server all of it runs on: node:http, or node:https with `tls`. */
  http: HttpServer | HttpsServer
  storage: Storage
  events: EventService
  transfer: EventTransfer
  /** The files the ZIP of everything adds to the programme's folder (the sign-up lists). */
  zipExtras: (stored: StoredEvent) => Promise<ZipExtra[]>
  rooms: DocRooms
  rounds: RoundService
  programme: ProgrammeService
  hub: Hub
  /** Dot voting (steps, ballots); moderation's merge calls `votes.carryOver`. */
  votes: VoteService
  /** Groups of cards under headings. */
  groups: GroupService
  /** Open connections (board sockets and Socket.IO) counted against the cap. */
  connections: ConnectionBudget
  credentials: Credentials
  /** Deletes events whose retention ended (periodically, and on `sweep`). */
  retention: RetentionService
  listen(port: number, host: string): Promise<string>
  /** Stops accepting, stores everything applied, and closes the storage. */
  close(): Promise<void>
}

/**
 * Wiring only: Express (API, client), Socket.IO (control plane) and the board sockets on one HTTP
 * server. Upgrades are routed by path so Socket.IO and Yjs never collide.
 */
export function createTischrundeServer(opts: AppOptions): TischrundeServer {
  const { storage, credentials, log } = opts
  // Several nodes: whether this node serves an event (one node serves them all).
  const owns = opts.cluster ? { owns: async (eventId: string) => (await opts.cluster!.leases.route(eventId)).local } : {}
  const events = new EventService(storage.events, credentials)
  const rooms = new DocRooms(storage.boards, log, opts.docKinds ?? DOC_KINDS, opts.roomIdleMs)
  installModeration(rooms, opts.now ?? Date.now, log)
  const now = opts.now ?? Date.now
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const budget = new ConnectionBudget(limits.maxConnections, limits.maxConnectionsPerPerson)
  const hub = opts.hub ?? opts.cluster?.hub ?? new LocalHub((error, message) => log.error({ err: error, topic: message.topic }, 'hub listener failed'))
  const programme = new ProgrammeService(storage.events, {
    now: opts.programmeNow ?? now,
    changed: (eventId, what, participantIds = []) => {
      // Whose choices changed goes out in parts the nodes' relay takes (a busy workshop removed: hundreds).
      for (let at = 0; at < Math.max(1, participantIds.length); at += PARTICIPANTS_PER_MESSAGE)
        hub.publish({ eventId, topic: 'programme', audience: 'everyone', what, ...(participantIds.length ? { participantIds: participantIds.slice(at, at + PARTICIPANTS_PER_MESSAGE) } : {}) })
    },
    agenda: programmeAgenda(events, (eventId) => hub.publish({ eventId, topic: 'event', audience: 'everyone' })),
    ...owns,
  })
  hub.subscribe((m) => m.topic === 'deleted' && programme.forget(m.eventId))
  const transfer = new EventTransfer(events, rooms, programmeCopy(programme))
  if (opts.cluster) transfer.claim = (eventId) => opts.cluster!.claim(eventId)
  const rounds = new RoundService(events, {
    now,
    log,
    publish: (stored) => hub.publish({ eventId: stored.event.id, topic: 'event', audience: 'everyone' }),
    reopened: (eventId) => hub.publish({ eventId, topic: 'reopened', audience: 'everyone' }),
  })
  // Several nodes: each arms the timers of the events it takes over.
  if (!opts.cluster) void rounds.restore().catch((error: unknown) => log.error({ err: error }, 'could not restore the round timers'))

  const app = express()
  app.disable('x-powered-by')
  app.use(
    helmet({
      // Served over plain HTTP on venue networks: no forced HTTPS upgrades or HSTS.
      strictTransportSecurity: false,
      // Only the app's own origin for scripts, styles, fonts, images and connections. `data:` images
      // are the QR codes the page draws itself (no request leaves the browser). React sets `style`
      // props through the CSSOM, which style-src does not govern, so no 'unsafe-inline' is needed.
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          upgradeInsecureRequests: null,
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'font-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'worker-src': ["'self'"],
          'manifest-src': ["'self'"],
        },
      },
    }),
  )
  // Open to anyone (load balancers, monitors): how many docs cannot be stored, never their names
  // (they carry event, table and participant ids); the log names them.
  app.get('/healthz', async (_req, res) => {
    const failing = (await rooms.loaded()).filter((r) => r.storageError).length
    res.status(failing ? 503 : 200).json({ ok: failing === 0, storageFailing: failing })
  })
  // Ready for traffic: the store answers and, with several nodes, the event leases are renewed.
  app.get('/readyz', async (_req, res) => {
    const ready = opts.cluster ? await opts.cluster.ready() : true
    res.status(ready ? 200 : 503).set('Cache-Control', 'no-store').json({ ready })
  })
  // Join links and QR codes use the public address, whatever address a page was opened with.
  const config: ClientConfig = { publicUrl: opts.publicUrl ? opts.publicUrl.replace(/\/+$/, '') : null }
  app.get('/api/config', (_req, res) => void res.set('Cache-Control', 'no-cache').json(config))
  // One server, HTTP or HTTPS: Express, Socket.IO and the board sockets all ride on it.
  const http: HttpServer | HttpsServer = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, ...CONNECTION_TIMEOUTS }, app)
    : createServer(CONNECTION_TIMEOUTS, app)
  // Every TCP connection holds a slot: the sockets and their page loads, with room for both per
  // person, and no more. One that never sends a request is closed after a few seconds.
  http.maxConnections = limits.maxConnections * 2 + 256
  const treeMembers = new TreeMembers(storage.events)
  const votes = new VoteService(storage.events, rooms, now)
  const groups = new GroupService(storage.events, rooms)
  transfer.harvest = new HarvestTransfer(storage.events, votes)
  showActorMaps(rooms, credentials, log)
  followCardChanges({ rooms, events: storage.events, log })
  keepNamesOff({ rooms, events: storage.events })
  giveBackDotsOfDeletedCards({ rooms, votes, publishVotes: (eventId, what) => hub.publish({ eventId, topic: 'votes', audience: 'everyone', ...what }) })
  const deletedEvents = opts.deletedEvents ?? memoryDeletedEvents()
  const isDeletedLink = deletedLink({ verify: (token) => credentials.verify(token), deleted: deletedEvents, exists: async (id) => (await events.get(id)) !== undefined })
  const control = createControlPlane(http, { events, rounds, programme, rooms, hub: opts.cluster?.controlHub ?? hub, log, now, limits, budget, publicUrl: opts.publicUrl, treeMembers, votes, groups, isDeletedLink, ...owns })
  const boards = createBoardSockets({ rooms, events, hub, log, limits, budget, publicUrl: opts.publicUrl, now, treeMembers, programme, carry: control.carry, offenders: control.offenders, isDeletedLink })
  // Exports first: the API router answers 404 for every path it does not know.
  const exportRenderer = new WorkerExportRenderer()
  app.use('/api', createProgrammeExportRoutes({ events, programme, renderer: exportRenderer, log }))
  // What the ZIP of everything adds to the programme's folder (the sign-up lists), here and in `npm run export`.
  const zipExtras = (stored: StoredEvent) => programmeSignUpFiles(programme, stored.event)
  const logos = opts.logos ?? memoryLogoStore()
  transfer.logos = logos
  app.use('/api', createFramingRoutes({ events, logos }))
  app.use(
    '/api',
    createExportRoutes({ events, transfer, renderer: exportRenderer, log, zipExtras }),
  )
  app.use('/api', createActorExportRoutes({ events, rooms, renderer: exportRenderer, log }))
  app.use('/api', createTreeImageRoutes({ events, transfer, renderer: exportRenderer, log }))
  app.use('/api', createTreeGroupRoutes({ events, rooms, treeMembers }))
  app.use('/api', createHarvestExportRoutes({ events, votes, groups, renderer: exportRenderer, log }))
  app.use('/api', createHeldCardsRoute({ events, moderation: moderationOf(rooms), log }))
  const deleteEvent = async (id: string, reason: DeletionReason = 'deleted') => {
    const stored = await events.get(id)
    if (!stored) return
    // Remembered first (hashes only), so its links answer "gelöscht" from the moment it is gone.
    await deletedEvents.add({ eventId: id, joinCode: stored.joinCode }, reason, now())
    // The event goes first: from then on every credential of it fails, so nothing reconnects.
    await events.remove(id)
    // Several nodes: the owner may be another node, with docs in memory and writes under way. Its
    // lease ends and the fence rises before the docs go, so no late write stores a doc again (it
    // would outlive its event, and no sweep would find it); on "deleted" it drops its copies.
    await opts.cluster?.end(id)
    hub.publish({ eventId: id, topic: 'deleted', audience: 'everyone' })
    await rooms.removeEvent(id)
    await logos.removeEvent(id)
    log.info({ event: id, reason }, 'event deleted')
  }
  // Several nodes: logos are files in each node's folder (stored by the event's owner of the
  // time); every node removes its own on a deletion, wherever it happened.
  if (opts.cluster)
    hub.subscribe((m) => {
      if (m.topic === 'deleted') logos.removeEvent(m.eventId).catch((error: unknown) => log.error({ err: error, event: m.eventId }, 'could not remove the logos of a deleted event'))
    })
  const retention = new RetentionService({ events, store: storage.events, deleteEvent, now, log })
  if (opts.retentionSweepMs !== 0) retention.start(opts.retentionSweepMs)
  app.use(deletedEventPages(deletedEvents, { event: async (id) => (await events.get(id)) !== undefined, code: async (code) => (await events.byJoinCode(code)) !== undefined }))
  app.use(
    '/api',
    createRetentionRoutes({
      events,
      store: storage.events,
      credentials,
      retention,
      deleted: deletedEvents,
      rooms,
      boards: storage.boards,
      onEventChanged: (id) => hub.publish({ eventId: id, topic: 'event', audience: 'everyone' }),
      onContributionsForgotten: afterForget({ votes, rooms, publishVotes: (eventId, what) => hub.publish({ eventId, topic: 'votes', audience: 'everyone', ...what }) }),
      log,
    }),
  )
  app.use(
    '/api',
    createApi({
      events,
      transfer,
      credentials,
      deleteEvent,
      hub,
      limits,
      openEventCreation: opts.openEventCreation ?? false,
      onEventChanged: (id) => hub.publish({ eventId: id, topic: 'event', audience: 'everyone' }),
      programme,
      log,
      now,
    }),
  )
  if (opts.clientDist && existsSync(path.join(opts.clientDist, 'index.html'))) {
    const dist = opts.clientDist
    app.use(
      express.static(dist, {
        index: false,
        maxAge: '1h',
        // The service worker and its registration must be checked on every visit, or updates stall.
        setHeaders: (res, file) => {
          if (/[\\/]sw\.js$/.test(file)) res.setHeader('Cache-Control', 'no-cache')
        },
      }),
    )
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(dist, 'index.html'), { maxAge: 0 }))
  }
  app.use(pageErrors(log))

  http.on('upgrade', (req, socket, head) => {
    const url = req.url ?? ''
    if (url.startsWith('/socket.io/')) return // engine.io answers these
    if (url.startsWith(BOARD_SOCKET_PREFIX)) return boards.handleUpgrade(req, socket, head)
    socket.destroy()
  })
  opts.cluster?.serve({ http, io: control.io, rooms, rounds, exists: async (id) => (await events.get(id)) !== undefined, forget: (id) => programme.forget(id) })
  // After the cluster's router: a request it forwards to another node is one this node heard too
  // (else the forwarded websocket or long-poll would be closed as silent after a few seconds).
  const stopSilentConnections = closeSilentConnections(http, opts.tls !== undefined)

  return {
    http,
    storage,
    events,
    transfer,
    zipExtras,
    rooms,
    rounds,
    programme,
    hub,
    votes,
    groups,
    connections: budget,
    credentials,
    retention,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(port, host, () => {
          const { port: bound } = http.address() as AddressInfo
          const url = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${bound}`
          opts.cluster?.listening(url)
          resolve(url)
        })
      }),
    async close() {
      stopSilentConnections()
      await retention.close()
      rounds.close()
      await exportRenderer.close()
      boards.close()
      // No new connections from here; a request still running may answer, up to a grace time.
      // Keep-alive connections that go idle meanwhile close at once, not after their timeout
      // (5 s, during which a restarting server's screens would not learn that it went away).
      const controlClosed = control.close()
      const grace = Date.now() + CLOSE_GRACE_MS
      let idle: ReturnType<typeof setInterval> | undefined
      await Promise.race([controlClosed, new Promise<void>((resolve) => (idle = setInterval(() => (http.closeIdleConnections(), Date.now() > grace && resolve()), 50)))])
      clearInterval(idle)
      http.closeAllConnections()
      await controlClosed
      await new Promise<void>((resolve) => http.close(() => resolve()))
      rooms.close()
      await rooms.settle()
      // Stored: the leases go, so other nodes take the events over at once.
      await opts.cluster?.close()
      await storage.close()
    },
  }
}
