import { relayedMessageSchema } from '@tischrunde/shared'
import type { Hub, HubMessage } from '../hub/hub.js'
import type { RedisBytesClient } from '../storage/redis/redis-connection.js'

/** How a node tells the others which event a deletion ended, and checks a deletion it hears of. */
export interface RelayedDeletions {
  /** The fence this node's deletion of the event raised (taken once, as its `deleted` goes out). */
  fenceOf(eventId: string): number | undefined
  /**
   * Whether a deletion heard from another node (raising the fence to `fence`, if it says) still
   * stands here, or the id is in use by a later event that it must not touch (it arrived late).
   */
  stands(eventId: string, fence: number | undefined): Promise<boolean>
}

/**
 * The hub of a node among several. A message published here reaches every listener of this node
 * and, through Redis pub/sub, the listeners of every other node that need to act themselves (the
 * doc sockets closing on `deleted`, the doc peers re-sending on `reopened`, caches). The control
 * plane subscribes through `localOnly`: it hears only this node's messages, because its emits
 * already reach the screens on every node through the Socket.IO Redis adapter — relayed as well,
 * each screen would get every message once per node.
 */
export class RelayHub implements Hub {
  private readonly everywhere = new Set<(message: HubMessage) => void>()
  private readonly local = new Set<(message: HubMessage) => void>()

  constructor(
    private readonly publisher: RedisBytesClient,
    private readonly channel: string,
    private readonly nodeId: string,
    private readonly onError: (error: unknown, message?: HubMessage) => void,
    /** Without it, a relayed `deleted` is passed on unchecked. */
    private readonly deletions?: RelayedDeletions,
  ) {}

  /** Listens on the channel (with its own connection: a subscribed client sends no commands). */
  async listen(subscriber: RedisBytesClient): Promise<void> {
    await subscriber.subscribe(this.channel, (raw: Buffer | string) => {
      let parsed
      try {
        parsed = relayedMessageSchema.safeParse(JSON.parse(String(raw)))
      } catch (error) {
        return this.onError(error)
      }
      if (!parsed.success) return this.onError(parsed.error)
      if (parsed.data.from === this.nodeId) return
      const relayed = parsed.data.message
      if (relayed.topic !== 'deleted' || !this.deletions) return this.deliver(this.everywhere, relayed as HubMessage)
      // A deletion may arrive late: every listener acts on the id, so it is checked once, for all of them.
      const { fence, ...message } = relayed
      this.deletions.stands(message.eventId, fence).then(
        (stands) => stands && this.deliver(this.everywhere, message),
        (error: unknown) => this.onError(error, message),
      )
    })
  }

  publish(message: HubMessage): void {
    this.deliver(this.local, message)
    this.deliver(this.everywhere, message)
    const fence = message.topic === 'deleted' ? this.deletions?.fenceOf(message.eventId) : undefined
    const relayed = fence === undefined ? message : { ...message, fence }
    this.publisher.publish(this.channel, JSON.stringify({ from: this.nodeId, message: relayed })).catch((error: unknown) => this.onError(error, message))
  }

  subscribe(listener: (message: HubMessage) => void): () => void {
    this.everywhere.add(listener)
    return () => this.everywhere.delete(listener)
  }

  /** The same hub for a listener that must hear only what this node publishes. */
  readonly localOnly: Hub = {
    publish: (message) => this.publish(message),
    subscribe: (listener) => {
      this.local.add(listener)
      return () => this.local.delete(listener)
    },
  }

  private deliver(listeners: Set<(message: HubMessage) => void>, message: HubMessage): void {
    for (const listener of listeners) {
      try {
        listener(message)
      } catch (error) {
        this.onError(error, message)
      }
    }
  }
}
