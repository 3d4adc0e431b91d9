import { describe, expect, it } from 'vitest'
import { LOGO_BYTES_MAX } from '@tischrunde/shared'
import { checkLogo } from './logo-image.js'
import { testPng } from './test-images.js'

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
})
