import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { pngChunk as chunk, testPng } from '../../src/framing/test-images.js'
import { LOGOS_PER_EVENT_MAX } from '../../src/framing/framing-routes.js'
import { createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/** A PNG whose chunks are in order but whose header or image data say something no decoder draws. */
function forgedPng(o: { width: number; height: number; depth?: number; colour?: number; idat: Uint8Array }): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(o.width, 0)
  ihdr.writeUInt32BE(o.height, 4)
  ihdr[8] = o.depth ?? 8
  ihdr[9] = o.colour ?? 2
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', o.idat), chunk('IEND', new Uint8Array(0))]))
}

/**
 * Hostile logo uploads: a logo is checked by what its bytes draw (not by its name or header alone),
 * and the per-event limit holds against uploads sent all at once.
 */
describe('fault suite: hostile logo uploads', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const upload = (body: Uint8Array, type = 'image/png', token = cafe.facilitatorToken) =>
    fetch(`${running.url}/api/events/${cafe.event.id}/framing/logos`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body })

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-framing')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Logos', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('takes uploads only from the facilitator', async () => {
    const participant = await join(running.url, cafe.joinCode)
    expect((await upload(testPng(10, 10), 'image/png', participant.token)).status).toBe(403)
    expect((await upload(testPng(10, 10), 'image/png', 'kein-schluessel')).status).toBe(401)
  })

  it('refuses a PNG whose header or image data no decoder can draw, with a code', async () => {
    const row = (width: number) => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)])
    const rows = (width: number, height: number) => Buffer.concat(Array.from({ length: height }, () => row(width)))
    const cases: [string, Uint8Array][] = [
      ['bit depth 3', forgedPng({ width: 8, height: 8, depth: 3, idat: deflateSync(rows(8, 8)) })],
      ['colour type 5', forgedPng({ width: 8, height: 8, colour: 5, idat: deflateSync(rows(8, 8)) })],
      ['image data that is not deflate', forgedPng({ width: 8, height: 8, idat: new Uint8Array(64).fill(0x41) })],
      ['image data short of its rows', forgedPng({ width: 8, height: 8, idat: deflateSync(rows(8, 2)) })],
      // A few KB that inflate to far more than a 4000 × 4000 picture has: a decompression bomb.
      ['image data that inflates past its size', forgedPng({ width: 100, height: 100, idat: deflateSync(Buffer.alloc(64 * 1024 * 1024)) })],
    ]
    for (const [name, bytes] of cases) {
      const res = await upload(bytes)
      const body = (await res.json()) as { code?: string }
      report(`logo ${name}`, `${bytes.byteLength} bytes → ${res.status} ${body.code}`)
      expect(res.status, name).toBe(400)
      expect(body.code, name).toBe('INVALID_MESSAGE')
    }
    // An SVG (scripts) is no logo, whatever the request says it is.
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    expect((await upload(svg, 'image/png')).status).toBe(400)
    expect((await upload(svg, 'image/svg+xml')).status).toBe(415)
    const files = await readdir(path.join(data.dir, 'logos', cafe.event.id)).catch(() => [])
    expect(files).toEqual([])
  })

  it(`keeps at most ${LOGOS_PER_EVENT_MAX} logos per event when uploads arrive all at once`, async () => {
    const answers = await Promise.all(Array.from({ length: LOGOS_PER_EVENT_MAX + 16 }, (_, i) => upload(testPng(20 + i, 20))))
    const statuses = answers.map((r) => r.status)
    const files = await readdir(path.join(data.dir, 'logos', cafe.event.id))
    report('parallel logo uploads', `${statuses.filter((s) => s === 201).length} taken, ${files.length} files`)
    expect(files.length).toBeLessThanOrEqual(LOGOS_PER_EVENT_MAX)
    // Nothing answered 201 is removed to make room: the ones over the limit are refused, with a code.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    expect(files.length).toBe(statuses.filter((s) => s === 201).length)
  })
})
