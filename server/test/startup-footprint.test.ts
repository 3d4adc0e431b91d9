import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvent } from './helpers/api.js'
import { type ChildServer, killAllChildren, startChildServer } from './helpers/child-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const PROBE = pathToFileURL(new URL('./fixtures/loaded-packages-probe.mjs', import.meta.url).pathname).href
/**
 * Libraries only exports (DOCX, XLSX, PDF, PNG) or a Redis setup need, each several MB of heap. A
 * server that loads them at its start carries them all day: every major garbage collection marks
 * them again, under a hall of phones too.
 */
const LOADED_ON_DEMAND = ['exceljs', 'jszip', '@redis/client', '@resvg/resvg-js', 'brotli', 'unicode-trie']

describe('the server starts without the export and Redis libraries', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let server: ChildServer

  beforeAll(async () => {
    data = await tempDataDir()
    server = await startChildServer(data.dir, { env: { NODE_OPTIONS: `--import=${PROBE}` } })
  })
  afterAll(async () => {
    await killAllChildren()
    await data.remove()
  })

  /** The packages the server has loaded so far (asked through the probe). */
  const loaded = async (): Promise<string[]> => {
    const before = server.stdout().length
    process.kill(server.pid, 'SIGUSR2')
    const line = await waitFor(() => /LOADED-PACKAGES (.*)\n/.exec(server.stdout().slice(before))?.[1], 'the list of loaded packages')
    return JSON.parse(line) as string[]
  }

  it('loads them on the first export that needs them, and then in the export worker, not in the server’s main thread', async () => {
    const started = await loaded()
    expect(started).toContain('express')
    expect(started.filter((name) => LOADED_ON_DEMAND.includes(name))).toEqual([])

    const event = await createEvent(server.url, { title: 'Integrationskonferenz Winnenden', tableNames: ['Sprache', 'Arbeit'] })
    const response = await fetch(`${server.url}/api/events/${event.event.id}/actors.xlsx`, { headers: { authorization: `Bearer ${event.facilitatorToken}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    // Rendered in the export worker (with the exports' limits): the main thread never holds the library.
    expect((await loaded()).filter((name) => LOADED_ON_DEMAND.includes(name))).toEqual([])
  })
})
