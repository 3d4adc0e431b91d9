import { execFile } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { testPng } from '../src/framing/test-images.js'
import { api, join } from './helpers/api.js'
import { EXPORT_CLI, REPO_ROOT } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { controlSockets, eventWithWorkshopDay } from './helpers/workshop-day.js'

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer | undefined
const sockets = controlSockets()

beforeEach(async () => {
  data = await tempDataDir('export-cli')
})
afterEach(async () => {
  sockets.closeAll()
  await running?.close()
  running = undefined
  await data.remove()
})

/** `npm run export -- …` on the data folder (the server stopped); the path of the file it wrote. */
async function exportCli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [EXPORT_CLI, ...args, '--out', path.join(data.dir, 'out')], {
    cwd: REPO_ROOT,
    env: { ...process.env, TISCHRUNDE_DATA_DIR: data.dir, LOG_LEVEL: 'warn' },
  })
  return stdout.trim()
}

describe('npm run export', () => {
  it("writes the same ZIP as the console: the programme's sign-up lists in Programm/, the organisers' logos in the JSON", async () => {
    running = await startServer(data.dir)
    const { event } = await eventWithWorkshopDay(running.url, sockets)
    const eventId = event.event.id
    const anna = await sockets.connect(running.url, (await join(running.url, event.joinCode)).token)
    expect(await anna('programme:choose', { phaseId: 'phase-1', workshopId: 'ws-1', displayName: 'Anna Beispiel' })).toMatchObject({ ok: true })
    const posted = await fetch(`${running.url}/api/events/${eventId}/framing/logos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${event.facilitatorToken}`, 'content-type': 'image/png' },
      body: testPng(90, 30),
    })
    const { logoId } = (await posted.json()) as { logoId: string }
    const framing = { subtitle: '', organisers: [{ name: 'Stadt Köln', logoId }], intro: '', outlook: '' }
    await api(running.url, `/api/events/${eventId}/framing`, { method: 'PUT', body: { framing }, token: event.facilitatorToken })
    sockets.closeAll()
    await running.close()
    running = undefined

    const zip = unzipSync(new Uint8Array(await readFile(await exportCli(['--event', eventId, '--format', 'zip']))))
    const folder = Object.keys(zip).filter((n) => n.startsWith('Programm/'))
    expect(folder.map((n) => n.replace(/^Programm\/[^_]+_[\d-]+_/, ''))).toEqual(['Programm.pdf', 'Programm.docx', 'Anmeldestand.csv', 'Anmeldelisten.csv'])
    expect(new TextDecoder().decode(zip[folder[3]!])).toContain('Anna Beispiel')

    const json = JSON.parse(await readFile(await exportCli(['--event', eventId, '--format', 'json']), 'utf8')) as { logos?: { id: string }[] }
    expect(json.logos?.map((l) => l.id)).toEqual([logoId])
    expect((await readdir(path.join(data.dir, 'out'))).length).toBe(2)
  })

  it('names xlsx in its usage line, and leaves no half-written file when the disk takes no more', async () => {
    running = await startServer(data.dir)
    await running.server.transfer.seed(winnendenEvent(), { reset: false, now: Date.now() })
    await running.close()
    running = undefined
    const usage = await promisify(execFile)(process.execPath, [EXPORT_CLI], { cwd: REPO_ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: data.dir } }).catch((e: { stderr: string }) => e.stderr)
    expect(usage).toContain('--format pdf|docx|md|csv|xlsx|json|zip ')
    // Files may grow to 100 KiB (ulimit -f counts 512-byte blocks): the documentation's PDF is larger, so its write fails half way (EFBIG).
    const out = path.join(data.dir, 'out')
    const failed = await promisify(execFile)('sh', ['-c', 'ulimit -f 200; exec "$0" "$@"', process.execPath, EXPORT_CLI, '--event', 'winnenden', '--format', 'pdf', '--out', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, TISCHRUNDE_DATA_DIR: data.dir, LOG_LEVEL: 'warn' },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toMatch(/ließ sich nicht schreiben \(EFBIG/)
    expect(await readdir(out)).toEqual([])
  })
})
