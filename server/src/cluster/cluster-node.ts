import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { Duplex } from 'node:stream'
import { createAdapter } from '@socket.io/redis-adapter'
import type { Logger } from 'pino'
import { createClient } from 'redis'
import type { Server as IoServer } from 'socket.io'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { Hub } from '../hub/hub.js'
import type { RoundService } from '../rounds/round-service.js'
import { type RedisBytesClient, connectRedis } from '../storage/redis/redis-connection.js'
import { StorageFailure } from '../storage/storage-error.js'
import { EventLeases, UnreadableLease } from './event-leases.js'
import { eventOfRequest, isSharedRoute } from './event-of-request.js'
import { BOARD_SOCKET_PREFIX } from '../transport/doc-socket-path.js'
import { FORWARDED_HEADER, forwardRequest, forwardUpgrade } from './forward.js'
import { RelayHub } from './hub-relay.js'

export interface ClusterOptions {
  /** TISCHRUNDE_REDIS_URL */
  url: string
  /** TISCHRUNDE_REDIS_PREFIX */
  prefix: string
  /**
   * TISCHRUNDE_NODE_URL: where the other nodes reach this one (`http://10.0.0.5:3000`).
   * @default the address the server listens on (right when it listens on a routable address)
   */
  nodeUrl?: string | undefined
  /** TISCHRUNDE_LEASE_MS: how long an event's ownership lasts without renewal. @default 10000 */
  leaseMs?: number | undefined
  log: Logger
}

/** The parts of a running server the cluster steers. */
export interface ServedParts {
  http: HttpServer | HttpsServer
  io: IoServer
  rooms: DocRooms
  rounds: RoundService
  /** Whether an event exists: leases are taken for stored events only (not for any name a client sends). */
  exists(eventId: string): Promise<boolean>
  /**
   * Forgets what this node keeps of an event besides its docs and timers (the programme's seats
   * taken): read afresh from the store when it is next needed, since another node may have changed it.
   */
  forget?(eventId: string): void
}

/**
 * One node among several on one Redis (TISCHRUNDE_REDIS_URL): each event is served by one owner
 * node at a time (docs, write gate, round timer, its sockets), held by a lease in Redis. Requests
 * that name an event and reach another node are forwarded to the owner on the same port; when
 * nobody owns it (first use, or the owner died and its lease lapsed) the node asked takes it.
 * Broadcasts reach screens on every node through the Socket.IO Redis adapter; hub messages that
 * nodes must act on travel through Redis pub/sub.
 */
export interface ClusterNode {
  nodeId: string
  /** The hub of this node (relayed to the others). */
  hub: RelayHub
  /** The hub as the control plane sees it (this node's messages only; the adapter carries its emits). */
  controlHub: Hub
  /** Fencing tokens for the doc store. */
  leases: EventLeases
  /** The node's connection to Redis (closed with the node), for what every node must share besides events and docs. */
  redis: RedisBytesClient
  /** Wires the cluster into the server once it is built (before it listens). */
  serve(parts: ServedParts): void
  /** The server listens at `url`: leases may be taken from now on. */
  listening(url: string): void
  /** Redis reachable and the leases renewed. */
  ready(): Promise<boolean>
  /**
   * Takes the lease of an event this node has just created (an import), before its docs are
   * written: the store takes doc writes only from the holder of the event's latest fencing token.
   * A lease another node still holds under the id is one of a deleted event of that id, and ends.
   */
  claim(eventId: string): Promise<void>
  /**
   * The event is deleted (its record is gone): its lease ends and its fence rises, so an owner's doc
   * write still under way is refused rather than storing the doc again after it was removed. The
   * `deleted` this node publishes next carries that fence to the other nodes.
   */
  end(eventId: string): Promise<void>
  /** The events this node keeps open sockets of (closed when their lease goes). */
  trackedEvents(): string[]
  /** Gives the leases up and closes the connections (after the docs were stored). */
  close(): Promise<void>
}

/** How often a relayed deletion is checked against the store when Redis does not answer, and the pause (growing). */
const DELETION_CHECKS = 4
const DELETION_CHECK_PAUSE_MS = 500

export async function startClusterNode(opts: ClusterOptions): Promise<ClusterNode> {
  const nodeId = randomUUID()
  const { log } = opts
  const main = await connectRedis(opts.url)
  const subscriber = await connectRedis(opts.url)
  const adapterPub = createClient({ url: opts.url })
  adapterPub.on('error', () => {})
  const adapterSub = adapterPub.duplicate()
  adapterSub.on('error', () => {})
  await Promise.all([adapterPub.connect(), adapterSub.connect()])

  let parts: ServedParts | undefined
  /** Sockets of each event this node serves (doc sockets, Socket.IO transports): closed when its lease goes. */
  const sockets = new Map<string, Set<Duplex>>()
  /** The events a tracked socket served: one 'close' listener a socket, however many requests a kept-alive connection carries. */
  const eventsOf = new WeakMap<Duplex, Set<string>>()
  const untrack = (socket: Duplex) => {
    for (const eventId of eventsOf.get(socket) ?? []) {
      const set = sockets.get(eventId)
      set?.delete(socket)
      if (set?.size === 0) sockets.delete(eventId)
    }
    eventsOf.delete(socket)
  }
  const track = (eventId: string, socket: Duplex) => {
    // Only events this node holds: any name a request makes up (one that does not exist) is served
    // here too, and must not leave an entry behind for ever.
    if (leases.tokenOf(eventId) === undefined) return
    let set = sockets.get(eventId)
    if (!set) sockets.set(eventId, (set = new Set()))
    set.add(socket)
    let events = eventsOf.get(socket)
    if (!events) {
      eventsOf.set(socket, (events = new Set()))
      socket.once('close', () => untrack(socket))
    }
    events.add(eventId)
  }

  const leases = new EventLeases(main, {
    prefix: opts.prefix,
    nodeId,
    leaseMs: opts.leaseMs,
    acquired(eventId) {
      if (isSharedRoute(eventId)) return
      log.info({ event: eventId, node: nodeId }, 'Veranstaltung übernommen')
      // Copies from an earlier time as owner may be stale: the docs load afresh from Redis.
      parts?.rooms.dropEvent(eventId)
      parts?.forget?.(eventId)
      void parts?.rounds.restoreEvent(eventId).catch((error: unknown) => log.error({ err: error, event: eventId }, 'could not arm the round timer'))
    },
    lost(eventId) {
      if (isSharedRoute(eventId)) return
      log.warn({ event: eventId, node: nodeId }, 'Veranstaltung an einen anderen Knoten abgegeben')
      // Its screens reconnect and reach the new owner; what this node did not store they re-send.
      for (const socket of sockets.get(eventId) ?? []) socket.destroy()
      sockets.delete(eventId)
      parts?.rounds.forgetEvent(eventId)
      parts?.rooms.dropEvent(eventId)
      parts?.forget?.(eventId)
    },
    failed: (error) => log.warn({ err: error }, 'Redis nicht erreichbar, Leases nicht erneuert'),
    inUse: (eventId) => (sockets.get(eventId)?.size ?? 0) > 0 || (parts?.rooms.hasEvent(eventId) ?? false),
  })

  /**
   * Connections this node forwards to another node's event, with the lease they went under. When
   * that lease ends (the owner died, froze or handed over), they are closed: the clients reconnect
   * and are routed to the new owner, rather than wait on a node that no longer answers.
   */
  const forwarded = new Map<string, { lease: string; sockets: Set<Duplex> }>()
  const watchForwarded = (eventId: string, lease: string, socket: Duplex): (() => void) => {
    let entry = forwarded.get(eventId)
    if (!entry || entry.lease !== lease) {
      // The lease moved: what went to the old owner is closed now (it reconnects to the new one).
      for (const old of entry?.sockets ?? []) old.destroy()
      forwarded.set(eventId, (entry = { lease, sockets: new Set() }))
    }
    const { sockets: set } = entry
    set.add(socket)
    socket.once('close', () => {
      set.delete(socket)
      if (set.size === 0 && forwarded.get(eventId)?.sockets === set) forwarded.delete(eventId)
    })
    return () => set.delete(socket)
  }
  const checkForwarded = async () => {
    for (const [eventId, entry] of [...forwarded]) {
      const now = await leases.holder(eventId).catch(() => entry.lease)
      if (now === entry.lease) continue
      forwarded.delete(eventId)
      for (const socket of entry.sockets) socket.destroy()
    }
  }
  const forwardCheck = setInterval(() => void checkForwarded(), leases.checkEveryMs)
  forwardCheck.unref()

  /** The fence each deletion on this node raised, until its `deleted` goes out to the other nodes. */
  const deletionFences = new Map<string, number>()
  /**
   * Whether a deletion another node relayed still stands here. That node removed the event's record
   * before it told the others, so a record under the id now is a later event's (made or imported
   * since): the message came late, and nothing of that event is touched. A lease this node still
   * holds below the fence the deletion raised is the deleted event's, and goes. Redis out of reach:
   * asked again a few times, then the deletion is left (the lease's end clears what is in memory).
   */
  const deletionStands = async (eventId: string, fence: number | undefined): Promise<boolean> => {
    if (!parts) return true
    // This node owns the event under a token: below the fence it is the deleted one (a later event
    // of the id is taken under a higher token), at once, before the lease's renewal finds it gone
    // and drops its screens without saying why; at or above it, a later event this node owns.
    const held = leases.tokenOf(eventId)
    if (fence !== undefined && held !== undefined) return held < fence
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await parts.exists(eventId))) return true
        break
      } catch (error) {
        if (attempt === DELETION_CHECKS) throw error
        await sleep(DELETION_CHECK_PAUSE_MS * attempt)
      }
    }
    if (fence !== undefined) leases.outdated(eventId, fence)
    log.warn({ event: eventId, fence }, 'Verspätete Löschmeldung übergangen: die Kennung gehört einer späteren Veranstaltung')
    return false
  }
  const hub = new RelayHub(main, `${opts.prefix}hub`, nodeId, (error, message) => log.error({ err: error, topic: message?.topic }, 'hub message between nodes failed'), {
    fenceOf(eventId) {
      const fence = deletionFences.get(eventId)
      deletionFences.delete(eventId)
      return fence
    },
    stands: deletionStands,
  })
  await hub.listen(subscriber)

  /** A request whose routing failed unforeseen (a bug, not a refusal): the client retries; the process goes on. */
  const failedRouting = (eventId: string, refuse: () => void) => (error: unknown) => {
    log.error({ err: error, event: eventId }, 'routing a request to the owner of its event failed')
    try {
      refuse()
    } catch {
      // The client is gone already.
    }
  }

  /** Serves a request that names `eventId` here, or forwards it to the owner. */
  async function routed(
    eventId: string,
    req: IncomingMessage,
    local: () => void,
    forward: (owner: string, lease: string, refused: () => void) => void,
    refuse: () => void,
    evicted = false,
  ): Promise<void> {
    let route
    try {
      // An event that does not exist is nobody's: served here, where it is refused as usual.
      if (!isSharedRoute(eventId) && !leases.tokenOf(eventId) && !(await parts!.exists(eventId))) return local()
      route = await leases.route(eventId)
    } catch (error) {
      if (error instanceof UnreadableLease) log.error({ err: error, event: eventId }, 'lease of an event unreadable: the event is unavailable until the key lapses')
      else log.warn({ err: error, event: eventId }, 'owner of an event unknown (Redis?)')
      return refuse()
    }
    if (route.local) return local()
    // Forwarded once already: the owner changed in between; the client tries again.
    if (req.headers[FORWARDED_HEADER] !== undefined) return refuse()
    const { lease } = route
    forward(route.owner, lease, () => {
      // Nothing listens at the owner's address: it is gone. Take the event over now, once.
      if (evicted) return refuse()
      log.warn({ event: eventId, owner: route.owner }, 'Knoten der Veranstaltung nicht erreichbar, sie wird übernommen')
      leases
        .evict(eventId, lease)
        .then(
          () => routed(eventId, req, local, forward, refuse, true),
          () => refuse(),
        )
        .catch(failedRouting(eventId, refuse))
    })
  }

  return {
    nodeId,
    hub,
    controlHub: hub.localOnly,
    leases,
    redis: main,
    serve(served) {
      parts = served
      // A deletion, here or on another node: the owner stops serving the event. Its doc sockets
      // are told "gelöscht" by their own listener and its screens through the adapter, so nothing
      // is cut here; its docs go without being stored (the store refuses them by now anyway).
      hub.subscribe((message) => {
        if (message.topic !== 'deleted') return
        leases.forget(message.eventId)
        served.rounds.forgetEvent(message.eventId)
        served.rooms.dropEvent(message.eventId)
        served.forget?.(message.eventId)
      })
      served.io.adapter(createAdapter(adapterPub, adapterSub, { key: `${opts.prefix}socket.io` }))
      const { http } = served
      // Every request and upgrade passes the router first; what stays here goes on as before.
      const onRequest = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
      const onUpgrade = http.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[]
      http.removeAllListeners('request')
      http.removeAllListeners('upgrade')
      http.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const eventId = eventOfRequest(req.url ?? '', req.method)
        const local = () => {
          if (eventId && req.url?.startsWith('/socket.io/')) track(eventId, req.socket)
          for (const listener of onRequest) listener.call(http, req, res)
        }
        if (!eventId) return local()
        const refuse = () => {
          if (res.headersSent) return void res.destroy()
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ ok: false, code: 'UNAVAILABLE' }))
        }
        routed(eventId, req, local, (owner, _lease, refused) => forwardRequest(req, res, owner, nodeId, refused), refuse).catch(failedRouting(eventId, refuse))
      })
      http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const eventId = eventOfRequest(req.url ?? '')
        const local = () => {
          if (eventId) track(eventId, socket)
          for (const listener of onUpgrade) listener.call(http, req, socket, head)
        }
        // A doc socket opens one event's doc: one whose event cannot be read is refused, not opened on this node.
        if (!eventId && (req.url ?? '').toLowerCase().startsWith(BOARD_SOCKET_PREFIX)) return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')
        if (!eventId) return local()
        const refuse = () => void socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n')
        routed(
          eventId,
          req,
          local,
          (owner, lease, refused) => {
            const unwatch = watchForwarded(eventId, lease, socket)
            forwardUpgrade(req, socket, head, owner, nodeId, () => (unwatch(), refused()))
          },
          refuse,
        ).catch(failedRouting(eventId, refuse))
      })
    },
    listening(url) {
      leases.start(opts.nodeUrl ?? url)
    },
    async claim(eventId) {
      const failed = (cause: unknown) => new StorageFailure(`the lease of ${eventId}`, { cause })
      // A lease this node still holds under the id is a deleted event's whose message is on its way.
      await leases.confirm(eventId).catch((error: unknown) => Promise.reject(failed(error)))
      const first = await leases.route(eventId).catch((error: unknown) => Promise.reject(failed(error)))
      if (first.local) return
      // The store created the event just now, so no node serves it: what holds its id is stale.
      log.warn({ event: eventId, lease: first.lease }, 'Lease einer früheren Veranstaltung gleichen Namens beendet')
      const second = await leases
        .evict(eventId, first.lease)
        .then(() => leases.route(eventId))
        .catch((error: unknown) => Promise.reject(failed(error)))
      if (!second.local) throw failed(new Error('another node took the event meanwhile'))
    },
    async end(eventId) {
      deletionFences.set(eventId, await leases.end(eventId))
    },
    trackedEvents: () => [...sockets.keys()],
    async ready() {
      if (!leases.ready()) return false
      try {
        await main.ping()
        return true
      } catch {
        return false
      }
    },
    async close() {
      clearInterval(forwardCheck)
      await leases.close()
      await Promise.allSettled([main.close(), subscriber.close(), adapterPub.close(), adapterSub.close()])
    },
  }
}
