import type { AddressInfo } from 'node:net'
import express from 'express'
import { describe, expect, it } from 'vitest'
import { StorageFailure } from '../storage/storage-error.js'
import { answerApiErrors } from './api-errors.js'

/** A small API whose routes throw, answered by `answerApiErrors`; what it answered and logged. */
async function ask(path: string, body?: string) {
  const logged: unknown[] = []
  const app = express()
  app.use(express.json({ limit: 100 }))
  app.get('/bug', () => {
    throw new TypeError('a fault of ours')
  })
  app.get('/disk', () => {
    throw new StorageFailure('events', { cause: new Error('ENOSPC') })
  })
  app.post('/json', (_req, res) => void res.json({ ok: true }))
  app.use(answerApiErrors({ error: (...args: unknown[]) => void logged.push(args) }, { origin: 'file', maximum: 100 }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, logged }
  } finally {
    server.close()
  }
}

describe('the API’s answer to errors', () => {
  it('answers a fault of ours 500 INTERNAL and logs it with the request (it used to go unlogged)', async () => {
    const { status, body, logged } = await ask('/bug')
    expect(status).toBe(500)
    expect(body).toEqual({ code: 'INTERNAL' })
    expect(logged).toHaveLength(1)
    expect(JSON.stringify(logged[0])).toContain('/bug')
  })

  it('answers the store failing 503, a body that is no JSON 400 and one over the limit 413, none of them logged as a fault', async () => {
    expect(await ask('/disk')).toMatchObject({ status: 503, body: { code: 'STORAGE_FAILED' }, logged: [] })
    expect(await ask('/json', '{"not json')).toMatchObject({ status: 400, body: { code: 'INVALID_MESSAGE' }, logged: [] })
    expect(await ask('/json', JSON.stringify({ text: 'x'.repeat(200) }))).toMatchObject({ status: 413, body: { code: 'INVALID_MESSAGE', params: { maximum: 100 } }, logged: [] })
  })
})
