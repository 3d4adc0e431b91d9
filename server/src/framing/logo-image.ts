import { createInflate } from 'node:zlib'
import { LOGO_BYTES_MAX, LOGO_PIXELS_MAX, LOGO_SIDE_MAX, type LogoType } from '@tischrunde/shared'

/**
 * Checks an uploaded logo and keeps only what draws it. PNG and JPEG only (an SVG could carry
 * scripts, other formats the documents cannot embed); the file must be what its bytes say, of a
 * sane size, and is rebuilt from its image data alone: text, EXIF (camera, GPS), colour profiles
 * and anything after the image's end are dropped, so an upload carries no hidden payload or
 * personal data into the documentation.
 */

export type LogoRefusal = 'too_big' | 'not_an_image' | 'too_large_image'
export type LogoCheck = { ok: true; type: LogoType; bytes: Uint8Array; width: number; height: number } | { ok: false; reason: LogoRefusal }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** PNG chunks needed to draw the image; every other chunk (tEXt, iTXt, zTXt, eXIf, iCCP, private ones) is dropped. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'sRGB', 'cHRM', 'pHYs'])
/** The bit depths each PNG colour type allows (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
const PNG_DEPTHS = new Map<number, readonly number[]>([
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
])
const PNG_CHANNELS = new Map<number, number>([
  [0, 1],
  [2, 3],
  [3, 1],
  [4, 2],
  [6, 4],
])
/** Adam7's passes: first column and row, then the steps between them. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

export function checkLogo(input: Uint8Array): LogoCheck {
  if (input.byteLength > LOGO_BYTES_MAX) return { ok: false, reason: 'too_big' }
  const result = PNG_SIGNATURE.every((b, i) => input[i] === b) ? sanitizePng(input) : input[0] === 0xff && input[1] === 0xd8 ? sanitizeJpeg(input) : undefined
  if (!result) return { ok: false, reason: 'not_an_image' }
  if (result.width < 1 || result.height < 1) return { ok: false, reason: 'not_an_image' }
  if (result.width > LOGO_SIDE_MAX || result.height > LOGO_SIDE_MAX) return { ok: false, reason: 'too_large_image' }
  // What a document decodes it to: a small file of many (or 16-bit) pixels costs the export its memory.
  if (result.width * result.height * result.depthFactor > LOGO_PIXELS_MAX) return { ok: false, reason: 'too_large_image' }
  const { depthFactor: _depth, ...kept } = result
  return { ok: true, ...kept }
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) + b[at + 1]!

/** A sanitised image: its type, bytes and size, and how many 8-bit pixels each of its pixels decodes to (2 for 16-bit PNGs). */
type Sanitized = { type: LogoType; bytes: Uint8Array; width: number; height: number; depthFactor: number }

function sanitizePng(input: Uint8Array): Sanitized | undefined {
  const parts: Uint8Array[] = [input.subarray(0, 8)]
  let at = 8
  let width = 0
  let height = 0
  let sawData = false
  let sawPalette = false
  let ended = false
  // Each chunk but the image data once: readers take the size of the last header they meet (pdfkit
  // does), this check the first — a 1×1 header followed by a 30000×30000 one got past the limits.
  const seen = new Set<string>()
  while (at + 12 <= input.byteLength) {
    const length = u32(input, at)
    const type = String.fromCharCode(...input.subarray(at + 4, at + 8))
    const end = at + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > input.byteLength) return undefined
    if (at === 8) {
      if (type !== 'IHDR' || length !== 13) return undefined
      width = u32(input, at + 8)
      height = u32(input, at + 12)
      // Bit depth and colour type as the PNG standard pairs them; compression and filter method 0; interlace 0 or 1.
      const depth = input[at + 16]!
      const colour = input[at + 17]!
      if (!PNG_DEPTHS.get(colour)?.includes(depth) || input[at + 18] !== 0 || input[at + 19] !== 0 || input[at + 20]! > 1) return undefined
    }
    if (PNG_KEEP.has(type) && type !== 'IDAT') {
      if (seen.has(type)) return undefined
      seen.add(type)
    }
    if (type === 'PLTE') sawPalette = true
    if (type === 'IDAT') sawData = true
    if (PNG_KEEP.has(type)) parts.push(input.subarray(at, end))
    at = end
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  if (!sawData || !ended || (input[25] === 3 && !sawPalette)) return undefined
  return { type: 'image/png', bytes: concat(parts), width, height, depthFactor: input[24] === 16 ? 2 : 1 }
}

function sanitizeJpeg(input: Uint8Array): Sanitized | undefined {
  const parts: Uint8Array[] = [input.subarray(0, 2)]
  let at = 2
  let width = 0
  let height = 0
  while (at + 4 <= input.byteLength) {
    if (input[at] !== 0xff) return undefined
    const marker = input[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = u16(input, at + 2)
    const end = at + 2 + length
    if (length < 2 || end > input.byteLength) return undefined
    if (startOfFrame(marker)) {
      // One frame: a second header would give readers another size than the one checked.
      if (width !== 0) return undefined
      height = u16(input, at + 5)
      width = u16(input, at + 7)
    }
    if (!droppedJpegSegment(marker)) parts.push(input.subarray(at, end))
    if (marker === 0xda) return width === 0 ? undefined : keepScans(input, end, parts) ? { type: 'image/jpeg', bytes: concat(parts), width, height, depthFactor: 1 } : undefined
    at = end
  }
  return undefined
}

/** Start of frame (baseline, progressive, …; not DHT 0xc4, JPG 0xc8, DAC 0xcc): the image's size. */
const startOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/** APP1–APP15 (EXIF, XMP, ICC, Photoshop…) and comments are dropped; APP0 (JFIF) is kept. */
const droppedJpegSegment = (marker: number) => (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe

/**
 * From a start of scan on: keeps each scan's entropy-coded data and the markers between scans (a
 * progressive JPEG's further tables and scans), drops the segments metadata hides in there too, and
 * stops at the end-of-image marker; whatever follows it is dropped. False for a file without one.
 */
function keepScans(input: Uint8Array, from: number, parts: Uint8Array[]): boolean {
  let at = from
  for (;;) {
    const marker = nextJpegMarker(input, at)
    if (marker < 0) return false
    parts.push(input.subarray(at, marker))
    const code = input[marker + 1]!
    if (code === 0xd9) {
      parts.push(input.subarray(marker, marker + 2))
      return true
    }
    if (marker + 4 > input.byteLength || startOfFrame(code)) return false
    const end = marker + 2 + u16(input, marker + 2)
    if (end < marker + 4 || end > input.byteLength) return false
    if (!droppedJpegSegment(code)) parts.push(input.subarray(marker, end))
    at = end
  }
}

/** Where the next marker starts in entropy-coded data (FF 00 is a data byte, FF D0–D7 a restart, FF FF fill), or -1. */
function nextJpegMarker(input: Uint8Array, from: number): number {
  for (let i = from; i + 1 < input.byteLength; i++) {
    if (input[i] !== 0xff) continue
    const code = input[i + 1]!
    if (code === 0x00 || code === 0xff || (code >= 0xd0 && code <= 0xd7)) continue
    return i
  }
  return -1
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/**
 * Whether a PNG's image data (its IDAT chunks, as `checkLogo` kept them) inflates to exactly the
 * rows its header announces: image data that is no deflate stream, too short for its rows, or a
 * small file inflating to far more (a decompression bomb) is refused before any document decodes
 * it. Inflated in streaming chunks that are counted and dropped, off the event loop; a JPEG passes
 * (the documents embed its data as is).
 */
export async function logoDataComplete(logo: { type: LogoType; bytes: Uint8Array }): Promise<boolean> {
  if (logo.type !== 'image/png') return true
  const b = logo.bytes
  const width = u32(b, 16)
  const height = u32(b, 20)
  const bitsPerPixel = b[24]! * (PNG_CHANNELS.get(b[25]!) ?? 0)
  const rowBytes = (w: number) => 1 + Math.ceil((w * bitsPerPixel) / 8)
  const expected =
    b[28] === 1
      ? ADAM7.reduce((n, [x0, y0, dx, dy]) => {
          const w = width > x0 ? Math.ceil((width - x0) / dx) : 0
          const h = height > y0 ? Math.ceil((height - y0) / dy) : 0
          return n + (w > 0 && h > 0 ? h * rowBytes(w) : 0)
        }, 0)
      : height * rowBytes(width)
  const data: Uint8Array[] = []
  for (let at = 8; at + 12 <= b.byteLength; ) {
    const length = u32(b, at)
    if (String.fromCharCode(...b.subarray(at + 4, at + 8)) === 'IDAT') data.push(b.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  return new Promise((resolve) => {
    const inflate = createInflate()
    let total = 0
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.byteLength
      if (total > expected) {
        inflate.destroy()
        resolve(false)
      }
    })
    inflate.on('error', () => resolve(false))
    inflate.on('end', () => resolve(total === expected))
    inflate.end(concat(data))
  })
}
