/**
 * Cold paths on the Winnenden demo: server start to ready, a new phone's first card in Chromium,
 * the JavaScript a phone and a projector load (gzipped), and exporting every table in every format;
 * then the exports of a long day (a generated event of many tables and cards) over HTTP.
 */
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { type Browser, type Page, chromium } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { aLargeEventExport } from '@tischrunde/fixtures'
import { MESSAGE_SAVED, boardDocName } from '@tischrunde/shared'
import { EXPORT_CLI, REPO_ROOT, type TischrundeServer, freshDataDir, removeDir, runCli, startTischrunde } from './servers.js'
import { round, wallNow } from './stats.js'
import { advanceRound } from './tischrunde-api.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const WINNENDEN = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/src/winnenden/winnenden.event.json'), 'utf8')) as {
  event: { id: string; tables: { id: string; name: string }[] }
}
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'de-DE' }
const PROJECTOR = { viewport: { width: 1920, height: 1080 }, locale: 'de-DE' }

export interface ColdResult {
  /** First start on an empty data dir: seeding Winnenden included. */
  firstStartMs: number
  /** Start to ready with Winnenden already stored. */
  startToReadyMs: number
  /** Ready, then all eleven Winnenden boards loaded and synced to a projector client. */
  startToBoardsSyncedMs: number
  phone: { navigationToLoadMs: number; loadToSavedMs: number; navigationToSavedMs: number; runs: number }
  /** Gzipped (zlib level 9) JavaScript each route loaded, in KB (1 KB = 1024 B), and the files. */
  phoneJsKb: number
  phoneJsFiles: number
  /** Gzipped KB per file the phone loaded (path → KB), to see where the budget goes. */
  phoneJsByFile: Record<string, number>
  projectorJsKb: number
  projectorJsFiles: number
  /** Every table in every format as one ZIP, over HTTP from the running server. */
  exportHttpMs: number
  exportHttpBytes: number
  /** The same with `npm run export -- --format zip` (node start included, server stopped). */
  exportCliMs: number
  /** False when the CLI had written the ZIP but had to be stopped (see RESULTS.md). */
  exportCliExitedByItself: boolean
  /** A long day imported and exported over HTTP: the ZIP of everything and the documentation. */
  largeExport: LargeExportResult
}

/** The size of the long day: 30 tables and 3,000 cards (every tenth one long unbroken word); `--quick` a small one. */
export interface LargeExportSize {
  tables: number
  cards: number
  longWordEvery: number
}

export interface LargeExportResult extends LargeExportSize {
  zipMs: number
  zipBytes: number
  docxMs: number
  pdfMs: number
}

/** Imports a generated long day and times its ZIP, documentation DOCX and PDF over HTTP. */
async function largeExport(server: TischrundeServer, size: LargeExportSize): Promise<LargeExportResult> {
  const file = aLargeEventExport(size)
  const imported = await fetch(`${server.url}/api/events/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(file),
  })
  if (imported.status !== 201) throw new Error(`importing the long day answered ${imported.status}`)
  const { id, links } = (await imported.json()) as { id: string; links: { facilitator: string } }
  const token = decodeURIComponent(links.facilitator.slice(links.facilitator.indexOf('#k=') + 3))
  const timed = async (path: string) => {
    const t0 = wallNow()
    const res = await fetch(`${server.url}/api/events/${id}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(180_000) })
    if (!res.ok) throw new Error(`exporting the long day (${path}) answered ${res.status}`)
    const bytes = (await res.arrayBuffer()).byteLength
    return { ms: round(wallNow() - t0), bytes }
  }
  const zip = await timed('/export.zip')
  const docx = await timed('/export?format=docx')
  const pdf = await timed('/export?format=pdf')
  return { ...size, zipMs: zip.ms, zipBytes: zip.bytes, docxMs: docx.ms, pdfMs: pdf.ms }
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the cold paths need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Sums the gzipped size of every JavaScript response a page loads while `steps` run. */
export async function javascriptOf(browser: Browser, options: object, steps: (page: Page) => Promise<void>): Promise<{ kb: number; files: number; byFile: Record<string, number> }> {
  // Service workers blocked: only what the page itself loads counts, not what a worker precaches.
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' })
  const page = await context.newPage()
  const bodies = new Map<string, Promise<Buffer | null>>()
  page.on('response', (res) => {
    const type = res.headers()['content-type'] ?? ''
    if (res.request().resourceType() === 'script' || type.includes('javascript')) bodies.set(res.url(), res.body().catch(() => null))
  })
  await steps(page)
  await page.waitForLoadState('networkidle')
  let bytes = 0
  const byFile: Record<string, number> = {}
  for (const [url, body] of bodies) {
    const b = await body
    if (!b) continue
    const gz = gzipSync(b, { level: 9 }).length
    bytes += gz
    byFile[new URL(url).pathname] = round(gz / 1024)
  }
  await context.close()
  return { kb: round(bytes / 1024), files: bodies.size, byFile }
}

/** The JavaScript a new phone loads: open the join link, pick the first table, see the card field. */
export function phoneRouteJavascript(browser: Browser, url: string, joinCode: string) {
  return javascriptOf(browser, PHONE, async (page) => {
    await page.goto(`${url}/j/${joinCode}`)
    await page.getByRole('button', { name: WINNENDEN.event.tables[0]!.name }).click()
    await page.getByLabel('Deine Karte').waitFor()
  })
}

/** A new phone: open the join link, pick a table, write a card, wait for "gespeichert". */
async function firstCard(browser: Browser, url: string, joinCode: string, tableName: string) {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  const text = `Erste Karte ${Math.random().toString(36).slice(2, 8)}`
  const t0 = wallNow()
  await page.goto(`${url}/j/${joinCode}`, { waitUntil: 'load' })
  const loaded = wallNow()
  await page.getByRole('button', { name: tableName }).click()
  await page.getByLabel('Deine Karte').fill(text)
  await page.getByRole('button', { name: 'Karte senden' }).click()
  await page.getByRole('listitem').filter({ hasText: text }).getByText('gespeichert', { exact: true }).waitFor({ timeout: 10_000 })
  const saved = wallNow()
  await context.close()
  return { navigationToLoadMs: loaded - t0, loadToSavedMs: saved - loaded, navigationToSavedMs: saved - t0 }
}

/** Opens every Winnenden board as the projector does and waits until all are synced. */
async function syncAllBoards(server: TischrundeServer, token: string): Promise<void> {
  const docs = WINNENDEN.event.tables.map((t) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, boardDocName(WINNENDEN.event.id, t.id), doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    provider.messageHandlers[MESSAGE_SAVED] = () => {} // "saved" acks: not needed here
    return { doc, provider }
  })
  await Promise.all(docs.map(({ provider }) => new Promise((resolve) => provider.once('sync', resolve))))
  for (const { doc, provider } of docs) {
    provider.destroy()
    doc.destroy()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!

export async function runColdPaths(opts: { phoneRuns: number; largeExport: LargeExportSize }): Promise<ColdResult> {
  const dataDir = freshDataDir('cold')
  const browser = await launch()
  try {
    const first = await startTischrunde({ dataDir, demo: true })
    await first.stop()
    const t0 = wallNow()
    const server = await startTischrunde({ dataDir, demo: true })
    const demo = server.demo
    if (!demo) throw new Error('the server did not print the Winnenden links')
    await syncAllBoards(server, demo.projectorToken)
    const boardsSynced = wallNow() - t0
    await advanceRound(server.url, demo.facilitatorToken)

    const phoneJs = await phoneRouteJavascript(browser, server.url, demo.joinCode)
    const projectorJs = await javascriptOf(browser, PROJECTOR, async (page) => {
      await page.goto(`${server.url}/e/${WINNENDEN.event.id}/projector#k=${encodeURIComponent(demo.projectorToken)}`)
      await page.getByRole('heading').first().waitFor()
    })
    const runs = []
    for (let i = 0; i < opts.phoneRuns; i++) runs.push(await firstCard(browser, server.url, demo.joinCode, WINNENDEN.event.tables[i % 11]!.name))

    const e0 = wallNow()
    const res = await fetch(`${server.url}/api/events/${WINNENDEN.event.id}/export.zip`, {
      headers: { authorization: `Bearer ${demo.facilitatorToken}` },
      signal: AbortSignal.timeout(60_000),
    })
    if (!res.ok) throw new Error(`the ZIP export answered ${res.status}`)
    const zip = Buffer.from(await res.arrayBuffer())
    const exportHttpMs = wallNow() - e0
    const large = await largeExport(server, opts.largeExport)
    await server.stop()

    const outDir = freshDataDir('export')
    // Timed until it prints the written file: with a station running it does not exit by itself
    // (the station's lock timer keeps it alive; reported as exportCliExitedByItself).
    const cli = await runCli(
      EXPORT_CLI,
      ['--event', WINNENDEN.event.id, '--format', 'zip', '--out', outDir],
      { TISCHRUNDE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      { doneWhen: /\.zip\s*$/m },
    )
    removeDir(outDir)
    if (cli.code !== 0) throw new Error(`npm run export failed (${cli.code}):\n${cli.output}`)

    return {
      firstStartMs: round(first.readyMs),
      startToReadyMs: round(server.readyMs),
      startToBoardsSyncedMs: round(boardsSynced),
      phone: {
        navigationToLoadMs: round(median(runs.map((r) => r.navigationToLoadMs))),
        loadToSavedMs: round(median(runs.map((r) => r.loadToSavedMs))),
        navigationToSavedMs: round(median(runs.map((r) => r.navigationToSavedMs))),
        runs: runs.length,
      },
      phoneJsKb: phoneJs.kb,
      phoneJsFiles: phoneJs.files,
      phoneJsByFile: phoneJs.byFile,
      projectorJsKb: projectorJs.kb,
      projectorJsFiles: projectorJs.files,
      exportHttpMs: round(exportHttpMs),
      exportHttpBytes: zip.length,
      exportCliMs: round(cli.ms),
      exportCliExitedByItself: cli.exitedByItself,
      largeExport: large,
    }
  } finally {
    await browser.close()
    removeDir(dataDir)
  }
}
