import { relayedMessageSchema } from '@tischrunde/shared'
import type { Hub, HubMessage } from '../hub/hub.js'
import type { RedisBytesClient } from '../storage/redis/redis-connection.js'

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
      this.deliver(this.everywhere, parsed.data.message as HubMessage)
    })
  }

  publish(message: HubMessage): void {
    this.deliver(this.local, message)
    this.deliver(this.everywhere, message)
    this.publisher.publish(this.channel, JSON.stringify({ from: this.nodeId, message })).catch((error: unknown) => this.onError(error, message))
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
