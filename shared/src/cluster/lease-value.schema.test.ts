import { describe, expect, it } from 'vitest'
import { leaseValueSchema, nodeAddressSchema } from './lease-value.schema.js'

describe('an event lease as read from Redis', () => {
  it('names its node, its fencing token and the address the node is reached at', () => {
    expect(leaseValueSchema.parse('node-a|42|http://10.0.0.5:3000')).toEqual({ node: 'node-a', token: 42, address: 'http://10.0.0.5:3000' })
  })

  it.each([
    ['a port no socket can have', 'node-a|1|http://10.0.0.5:99999'],
    ['an address that is no URL', 'node-a|1|http://'],
    ['another scheme', 'node-a|1|ftp://10.0.0.5:21'],
    ['a path after the port', 'node-a|1|http://10.0.0.5:3000/x'],
    ['a token of zero', 'node-a|0|http://10.0.0.5:3000'],
    ['a token that is no number', 'node-a|eins|http://10.0.0.5:3000'],
    ['no node', '|1|http://10.0.0.5:3000'],
    ['no address at all', 'node-a|1'],
    ['another format', 'frei'],
  ])('is unreadable with %s', (_what, value) => {
    expect(leaseValueSchema.safeParse(value).success).toBe(false)
  })
})

describe('a node address (TISCHRUNDE_NODE_URL)', () => {
  it.each(['http://10.0.0.5:3000', 'http://knoten-b:8080', 'http://[::1]:3000', 'http://knoten-b'])('takes %s', (address) => {
    expect(nodeAddressSchema.safeParse(address).success).toBe(true)
  })
  it.each(['http://host:99999', 'http://host:-1', 'https://host:3000', 'host:3000', 'http://host:3000/pfad'])('refuses %s', (address) => {
    expect(nodeAddressSchema.safeParse(address).success).toBe(false)
  })
})
