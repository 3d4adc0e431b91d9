import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DocRoom } from '../src/boards/doc-room.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

describe('/healthz', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  beforeAll(async () => {
    data = await tempDataDir('healthz')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await running?.close()
    await data?.remove()
  })

  it('answers anyone 200 while every doc can be stored', async () => {
    const res = await fetch(`${running.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, storageFailing: 0 })
  })

  it('counts the docs that cannot be stored (503), without naming them: their names carry event, table and participant ids', async () => {
    const failing = (name: string) => ({ name, storageError: new Error('ENOSPC') }) as unknown as DocRoom
    vi.spyOn(running.server.rooms, 'loaded').mockResolvedValue([failing('board.winnenden.sprache'), failing('phone.winnenden.participant-0001')])
    const res = await fetch(`${running.url}/healthz`)
    expect(res.status).toBe(503)
    const body = await res.text()
    expect(JSON.parse(body)).toEqual({ ok: false, storageFailing: 2 })
    expect(body).not.toMatch(/winnenden|sprache|participant/)
  })
})
