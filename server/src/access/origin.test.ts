import { describe, expect, it } from 'vitest'
import { originAllowed } from './origin.js'

describe('the Origin check of socket handshakes', () => {
  it.each([
    ['no Origin (not a browser)', undefined, '192.168.1.20:3000', undefined],
    ['the page the server itself served', 'http://192.168.1.20:3000', '192.168.1.20:3000', undefined],
    ['the configured public URL behind a proxy', 'https://cafe.example.org', '127.0.0.1:3000', 'https://cafe.example.org/'],
    ['the Vite dev server on localhost', 'http://localhost:5173', '127.0.0.1:3000', undefined],
  ])('allows %s', (_name, origin, host, publicUrl) => {
    expect(originAllowed(origin, host, publicUrl)).toBe(true)
  })
  it.each([
    ['another site', 'https://evil.example', '192.168.1.20:3000', 'https://cafe.example.org'],
    ['the same host on another port', 'http://192.168.1.20:8080', '192.168.1.20:3000', undefined],
    ['a look-alike of the public URL', 'https://cafe.example.org.evil.example', '192.168.1.20:3000', 'https://cafe.example.org'],
    ['a file page ("null")', 'null', '192.168.1.20:3000', undefined],
  ])('refuses %s', (_name, origin, host, publicUrl) => {
    expect(originAllowed(origin, host, publicUrl)).toBe(false)
  })
})
