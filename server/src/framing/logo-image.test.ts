import { describe, expect, it } from 'vitest'
import { LOGO_BYTES_MAX } from '@tischrunde/shared'
import { checkLogo } from './logo-image.js'
import { pngChunk, testPng } from './test-images.js'

const latin = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('checkLogo', () => {
  it('takes a PNG, tells its size, and keeps only what draws it (no text chunks, nothing after its end)', () => {
    const png = testPng(40, 20, [{ type: 'tEXt', data: 'Comment\0<script>alert(1)</script>' }, { type: 'eXIf', data: 'GPS 48.87,9.39' }])
    const withTail = new Uint8Array([...png, ...Buffer.from('<?php system($_GET[c]); ?>')])
    const checked = checkLogo(withTail)
    expect(checked).toMatchObject({ ok: true, type: 'image/png', width: 40, height: 20 })
    if (!checked.ok) return
    expect(latin(checked.bytes)).not.toContain('script')
    expect(latin(checked.bytes)).not.toContain('GPS')
    expect(latin(checked.bytes)).not.toContain('php')
    expect(latin(checked.bytes)).toContain('IDAT')
  })

  it('takes a JPEG and drops its EXIF and comments', () => {
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    const exif = [0xff, 0xe1, 0x00, 0x0a, ...Buffer.from('Exif\0\0GP')]
    const comment = [0xff, 0xfe, 0x00, 0x07, ...Buffer.from('hello')]
    const sos = [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]
    const jpeg = new Uint8Array([0xff, 0xd8, ...exif, ...comment, ...sof, ...sos, 0x12, 0x34, 0xff, 0xd9])
    const checked = checkLogo(jpeg)
    expect(checked).toMatchObject({ ok: true, type: 'image/jpeg', width: 32, height: 16 })
    if (!checked.ok) return
    expect(latin(checked.bytes)).not.toContain('Exif')
    expect(latin(checked.bytes)).not.toContain('hello')
  })

  it('refuses what is no PNG or JPEG, whatever it is called: SVG, GIF, a truncated PNG', () => {
    expect(checkLogo(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')))).toEqual({ ok: false, reason: 'not_an_image' })
    expect(checkLogo(new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00')))).toEqual({ ok: false, reason: 'not_an_image' })
    expect(checkLogo(testPng(10, 10).subarray(0, 40))).toEqual({ ok: false, reason: 'not_an_image' })
  })

  it('refuses files over the size limit and images with absurd sides', () => {
    expect(checkLogo(new Uint8Array(LOGO_BYTES_MAX + 1))).toEqual({ ok: false, reason: 'too_big' })
    expect(checkLogo(testPng(5000, 1))).toEqual({ ok: false, reason: 'too_large_image' })
  })

  it('refuses a small file of too many pixels (a decompression bomb for the exports), 16-bit pixels counting twice', () => {
    // The header says what a document would decode: the check needs no pixel data.
    const sized = (width: number, height: number, depth: 8 | 16) => {
      const png = testPng(1, 1)
      new DataView(png.buffer, png.byteOffset).setUint32(16, width)
      new DataView(png.buffer, png.byteOffset).setUint32(20, height)
      png[24] = depth
      return checkLogo(png)
    }
    expect(sized(4000, 4000, 16)).toEqual({ ok: false, reason: 'too_large_image' })
    expect(sized(2100, 2000, 8)).toEqual({ ok: false, reason: 'too_large_image' })
    expect(sized(1500, 1500, 16)).toEqual({ ok: false, reason: 'too_large_image' })
    expect(sized(2000, 2000, 8)).toMatchObject({ ok: true, width: 2000, height: 2000 })
    expect(sized(1400, 1400, 16)).toMatchObject({ ok: true })
  })

  it('drops metadata hidden between the scans of a progressive JPEG and anything after its end', () => {
    const sof = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    const sos = [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]
    const exif = [0xff, 0xe1, 0x00, 0x0c, ...Buffer.from('Exif\0\0GPS!')]
    const comment = [0xff, 0xfe, 0x00, 0x0a, ...Buffer.from('<script>')]
    const dht = [0xff, 0xc4, 0x00, 0x04, 0x00, 0x01]
    // Scan data with a stuffed FF 00 and a restart marker, which are data, not segments.
    const scan1 = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]
    const jpeg = new Uint8Array([0xff, 0xd8, ...sof, ...sos, ...scan1, ...exif, ...dht, ...sos, 0x78, ...comment, 0xff, 0xd9, ...Buffer.from('trailing secret')])
    const checked = checkLogo(jpeg)
    expect(checked).toMatchObject({ ok: true, type: 'image/jpeg', width: 32, height: 16 })
    if (!checked.ok) return
    const kept = latin(checked.bytes)
    for (const hidden of ['Exif', 'GPS', '<script>', 'trailing']) expect(kept).not.toContain(hidden)
    // What draws the picture stays: both scans, the table between them, the stuffed byte and the restart.
    expect([...checked.bytes]).toEqual([0xff, 0xd8, ...sof, ...sos, ...scan1, ...dht, ...sos, 0x78, 0xff, 0xd9])
  })

  it('refuses a JPEG whose scan never ends', () => {
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    const sos = [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]
    expect(checkLogo(new Uint8Array([0xff, 0xd8, ...sof, ...sos, 0x12, 0x34]))).toEqual({ ok: false, reason: 'not_an_image' })
  })
  it('refuses a second header, whose size the documents would take instead of the checked one', () => {
    // 1×1 RGBA as checked, then 30000×30000: pdfkit's reader takes the last header and allocates gigabytes.
    const header = (side: number) => {
      const ihdr = Buffer.alloc(13)
      ihdr.writeUInt32BE(side, 0)
      ihdr.writeUInt32BE(side, 4)
      ihdr[8] = 8
      ihdr[9] = 6
      return pngChunk('IHDR', ihdr)
    }
    const png = testPng(1, 1)
    const twice = new Uint8Array(Buffer.concat([png.subarray(0, 33), header(30000), png.subarray(33)]))
    expect(checkLogo(png)).toMatchObject({ ok: true })
    expect(checkLogo(twice)).toEqual({ ok: false, reason: 'not_an_image' })
    const palette = pngChunk('PLTE', new Uint8Array([1, 2, 3]))
    expect(checkLogo(new Uint8Array(Buffer.concat([png.subarray(0, 33), palette, palette, png.subarray(33)])))).toEqual({ ok: false, reason: 'not_an_image' })
    // A JPEG of two frame headers, before or after its first scan.
    const sof = (height: number) => [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, 0x00, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    const sos = [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]
    expect(checkLogo(new Uint8Array([0xff, 0xd8, ...sof(16), ...sos, 0x12, 0xff, 0xd9]))).toMatchObject({ ok: true, height: 16 })
    expect(checkLogo(new Uint8Array([0xff, 0xd8, ...sof(16), ...sof(30000), ...sos, 0x12, 0xff, 0xd9]))).toEqual({ ok: false, reason: 'not_an_image' })
    expect(checkLogo(new Uint8Array([0xff, 0xd8, ...sof(16), ...sos, 0x12, ...sof(30000), ...sos, 0x34, 0xff, 0xd9]))).toEqual({ ok: false, reason: 'not_an_image' })
  })
})
