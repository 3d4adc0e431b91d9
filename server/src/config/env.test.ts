import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { limitsFromEnv, readEnv, tlsFromEnv } from './env.js'
import { DEFAULT_LIMITS } from './limits.js'

describe('readEnv', () => {
  it('listens on all interfaces at port 3000 with ./data by default', () => {
    const env = readEnv({})
    expect({ PORT: env.PORT, HOST: env.HOST, LOG_LEVEL: env.LOG_LEVEL, dataDir: env.dataDir }).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      dataDir: path.resolve('data'),
    })
  })

  it('accepts port 0 (any free port), as tests and scripts use it', () => {
    expect(readEnv({ PORT: '0' }).PORT).toBe(0)
  })

  it('refuses a node address with a port no socket can have, naming the setting', () => {
    expect(() => readEnv({ TISCHRUNDE_NODE_URL: 'http://10.0.0.11:99999' })).toThrow(/TISCHRUNDE_NODE_URL: http:\/\/host:port mit einem Port von 1 bis 65535/)
    expect(readEnv({ TISCHRUNDE_NODE_URL: 'http://10.0.0.11:3000' }).TISCHRUNDE_NODE_URL).toBe('http://10.0.0.11:3000')
  })

  it('names every bad setting at once', () => {
    let message = ''
    try {
      readEnv({ PORT: '70000', LOG_LEVEL: 'loud', TISCHRUNDE_PUBLIC_URL: 'kein link' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^Ungültige Umgebungsvariablen: /)
    for (const key of ['PORT', 'LOG_LEVEL', 'TISCHRUNDE_PUBLIC_URL']) expect(message).toContain(`${key}: `)
  })

  it('sets the rate limits and the connection cap from the environment, with the documented defaults', () => {
    expect(limitsFromEnv(readEnv({}))).toEqual(DEFAULT_LIMITS)
    expect(limitsFromEnv(readEnv({ TISCHRUNDE_MAX_CONNECTIONS: '5000', TISCHRUNDE_CARDS_PER_MINUTE: '120' }))).toMatchObject({
      maxConnections: 5000,
      cardsPerMinute: 120,
    })
    expect(() => readEnv({ TISCHRUNDE_MAX_CONNECTIONS: '0' })).toThrow(/TISCHRUNDE_MAX_CONNECTIONS/)
  })
})

describe('event creation settings', () => {
  it('keeps creating events to the admin link unless opened explicitly', () => {
    expect(readEnv({}).TISCHRUNDE_OPEN_EVENT_CREATION).toBe(false)
    expect(readEnv({ TISCHRUNDE_OPEN_EVENT_CREATION: 'true' }).TISCHRUNDE_OPEN_EVENT_CREATION).toBe(true)
    expect(readEnv({ TISCHRUNDE_OPEN_EVENT_CREATION: '1' }).TISCHRUNDE_OPEN_EVENT_CREATION).toBe(true)
    expect(() => readEnv({ TISCHRUNDE_OPEN_EVENT_CREATION: 'ja' })).toThrow(/TISCHRUNDE_OPEN_EVENT_CREATION/)
  })

  it('caps the events of the installation and paces open creation', () => {
    expect(limitsFromEnv(readEnv({ TISCHRUNDE_MAX_EVENTS: '3', TISCHRUNDE_EVENTS_PER_HOUR: '2' }))).toMatchObject({ maxEvents: 3, eventsPerHour: 2 })
    expect(() => readEnv({ TISCHRUNDE_MAX_EVENTS: '0' })).toThrow(/TISCHRUNDE_MAX_EVENTS/)
  })
})

describe('HTTPS settings', () => {
  it('serves HTTPS when both a certificate and its key are given', () => {
    expect(tlsFromEnv(readEnv({ TISCHRUNDE_TLS_CERT: 'tls/cert.pem', TISCHRUNDE_TLS_KEY: 'tls/key.pem' }))).toEqual({
      certFile: path.resolve('tls/cert.pem'),
      keyFile: path.resolve('tls/key.pem'),
    })
    expect(tlsFromEnv(readEnv({}))).toBeUndefined()
  })

  it('refuses a certificate without its key, naming the missing setting', () => {
    expect(() => readEnv({ TISCHRUNDE_TLS_CERT: 'tls/cert.pem' })).toThrow(/TISCHRUNDE_TLS_KEY: /)
  })
})
