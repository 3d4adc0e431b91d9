import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { OWN_FRAME_MAX, binaryFrame, frameOf, sendOn } from './ws-frame.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** A ws server on 127.0.0.1 whose first connection gets `write(ws, socket)`; resolves with what a ws client received. */
async function received(count: number, write: (ws: WebSocket, socket: Duplex) => void): Promise<Buffer[]> {
  const http = createServer()
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => write(ws, socket)))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => (wss.close(), http.closeAllConnections(), http.close(() => resolve()))))
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`)
  closers.unshift(async () => client.close())
  const messages: Buffer[] = []
  return new Promise((resolve, reject) => {
    client.on('error', reject)
    client.on('close', (code) => reject(new Error(`closed with ${code} after ${messages.length} messages`)))
    client.on('message', (data: Buffer, binary) => {
      expect(binary).toBe(true)
      messages.push(data)
      if (messages.length === count) resolve(messages)
    })
  })
}

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

describe('a message as one finished frame', () => {
  it('reaches a ws client intact at every length encoding (7 bit, 16 bit, 64 bit)', async () => {
    const lengths = [0, 1, 125, 126, 127, 0xffff, 0x10000, 300_000]
    const payloads = lengths.map((length, i) => bytes(length, i))
    const got = await received(payloads.length, (_ws, socket) => {
      for (const p of payloads) socket.write(binaryFrame(p))
    })
    expect(got.map((m) => m.length)).toEqual(lengths)
    got.forEach((m, i) => expect(Buffer.compare(m, Buffer.from(payloads[i]!))).toBe(0))
  })

  it('keeps its order with what ws itself sends on the same socket', async () => {
    const got = await received(6, (ws, socket) => {
      sendOn(ws, socket, bytes(3, 1), true)
      sendOn(ws, socket, bytes(200, 2))
      sendOn(ws, socket, bytes(70_000, 3), true)
      ws.send(bytes(5, 4))
      sendOn(ws, socket, bytes(OWN_FRAME_MAX + 1, 5))
      sendOn(ws, socket, bytes(OWN_FRAME_MAX, 6))
    })
    expect(got.map((m) => m.length)).toEqual([3, 200, 70_000, 5, OWN_FRAME_MAX + 1, OWN_FRAME_MAX])
    expect(Buffer.compare(got[5]!, Buffer.from(bytes(OWN_FRAME_MAX, 6)))).toBe(0)
  })

  it('is built once for a message that goes to many sockets', () => {
    const message = bytes(40, 9)
    expect(frameOf(message)).toBe(frameOf(message))
    expect(frameOf(bytes(40, 9))).not.toBe(frameOf(message))
  })
})
