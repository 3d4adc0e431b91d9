import { z } from 'zod'

/**
 * Where the other nodes reach a node (TISCHRUNDE_NODE_URL, and the address in its leases):
 * `http://host:port`, nothing after the port. The port must be one a socket can connect to
 * (`http://host:99999` is refused); without one it is 80.
 */
export const nodeAddressSchema = z
  .string()
  .max(300)
  .regex(/^http:\/\/[^/|?#]+\/?$/, 'http://host:port')
  .refine((address) => URL.canParse(address) && new URL(address).hostname !== '', 'http://host:port mit einem Port von 1 bis 65535')

/** A fencing token: an event's counter in Redis, raised on every new owner and on its deletion. */
export const fencingTokenSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/**
 * The value of an event's lease as the nodes write it to Redis: `<node id>|<fencing token>|<address>`.
 * Read back like any input: another installation, an older version or a hand edit may have left
 * something else under the key, and a node must not act on it (forward to it, or take its token).
 */
export const leaseValueSchema = z
  .string()
  .transform((value) => {
    const [node = '', token = '', ...address] = value.split('|')
    return { node, token: /^[1-9]\d{0,15}$/.test(token) ? Number(token) : Number.NaN, address: address.join('|') }
  })
  .pipe(
    z.object({
      node: z.string().min(1).max(100),
      token: fencingTokenSchema,
      address: nodeAddressSchema,
    }),
  )
/** A lease value read from Redis: who holds the event, under which fencing token, and where it is reached. */
export type LeaseValue = z.infer<typeof leaseValueSchema>
