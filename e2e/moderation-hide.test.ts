import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardDocName } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { axeViolations } from './support/moderation-axe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Moderiertes Café', tableNames: ['Sprache'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

/** Everything this page's device copy of a board holds in IndexedDB (y-indexeddb's update log), as bytes. */
async function deviceCopy(page: Page, docName: string): Promise<Buffer> {
  const updates = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      if (!db.objectStoreNames.contains('updates')) return []
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      return values.map((v) => Array.from(v as Uint8Array))
    } finally {
      db.close()
    }
  }, docName)
  return Buffer.concat(updates.map((u) => Buffer.from(u)))
}

/** Whether a text is anywhere in the page's JavaScript heap (its Yjs doc, React state, caches), after a garbage collection. */
async function inHeap(context: BrowserContext, page: Page, text: string): Promise<boolean> {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    const chunks: string[] = []
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk))
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    const snapshot = chunks.join('')
    if (process.env.HEAP_DUMP) (await import('node:fs')).writeFileSync(process.env.HEAP_DUMP, snapshot)
    return snapshot.includes(text)
  } finally {
    await cdp.detach()
  }
}

async function phoneAtSprache() {
  const context = await cafe.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${cafe.server.url}${cafe.created.links.participant}`)
  await page.getByRole('button', { name: 'Sprache' }).click()
  await page.getByRole('heading', { name: 'Sprache' }).waitFor()
  return { context, page }
}

describe('hiding a card in real browsers', () => {
  it('takes a hidden card off a phone that had it (screen, Yjs doc, IndexedDB) and off the projector; the host restores it', async () => {
    const { server, browser, created } = cafe
    const docName = boardDocName(created.event.id, 'sprache')
    const text = 'Handynummer von Herrn X: 0171 5550123'
    const writer = await phoneAtSprache()
    const reader = await phoneAtSprache()
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=sprache#')}`)
    const consoleContext = await browser.newContext(PROJECTOR)
    const console = await consoleContext.newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    const hostContext = await browser.newContext(PHONE)
    const host = await hostContext.newPage()
    try {
      await writer.page.getByLabel('Deine Karte').fill(text)
      await writer.page.getByRole('button', { name: 'Karte senden' }).click()
      await reader.page.getByText(text, { exact: true }).waitFor({ timeout: 5000 })
      await projector.getByText(text).waitFor({ timeout: 5000 })
      // The reader's phone keeps the board on the device: the text is in its IndexedDB and heap now.
      await expect.poll(async () => (await deviceCopy(reader.page, docName)).includes(text), { timeout: 5000 }).toBe(true)
      expect(await inHeap(reader.context, reader.page, text)).toBe(true)

      // The facilitator hides it from the console (keyboard: focus the button, press Enter).
      const hide = console.getByRole('button', { name: `Karte „${text}“ ausblenden` })
      await hide.focus()
      await console.keyboard.press('Enter')
      await projector.getByText(text).waitFor({ state: 'detached', timeout: 5000 })
      await reader.page.getByText(text, { exact: true }).waitFor({ state: 'detached', timeout: 5000 })
      await writer.page.locator('.card-list').getByText(text).waitFor({ state: 'detached', timeout: 5000 })
      // Its author is told, calmly, on their phone only; the reader's phone has no word of it.
      const note = writer.page.locator('[data-own-card][data-status="hidden"]')
      await note.getByText('Von der Moderation ausgeblendet').waitFor({ timeout: 5000 })
      expect(await note.locator('.card-text').textContent()).toBe(text)
      expect(await reader.page.locator('[data-own-card]').count()).toBe(0)
      // Gone from the device copy, and, once the screen has moved on (React keeps the last screen's
      // state until the next render), from everything the page holds: its Yjs doc, store and caches.
      await expect.poll(async () => (await deviceCopy(reader.page, docName)).includes(text), { timeout: 5000 }).toBe(false)
      for (const next of ['Sprachcafe im Stadtteil', 'Mehr Kurse am Abend']) {
        await writer.page.getByLabel('Deine Karte').fill(next)
        await writer.page.getByRole('button', { name: 'Karte senden' }).click()
        await reader.page.getByText(next, { exact: true }).waitFor({ timeout: 5000 })
      }
      expect(await inHeap(reader.context, reader.page, text)).toBe(false)
      // A reload starts from the purged copy and the server: still gone.
      await reader.page.reload()
      await reader.page.getByRole('heading', { name: 'Sprache' }).waitFor()
      await reader.page.getByText('Noch keine Karten', { exact: false }).first().waitFor()
      // The cards written since are there (the device copy and the server's answer are loaded), the hidden one is not.
      await reader.page.locator('.card-list').getByText('Mehr Kurse am Abend', { exact: true }).waitFor({ timeout: 5000 })
      expect(await reader.page.getByText(text, { exact: true }).count()).toBe(0)

      // The console shows it marked as hidden.
      const hiddenList = console.getByRole('list', { name: 'Ausgeblendete Karten' })
      await hiddenList.getByText(text).waitFor()
      await expect(hiddenList.getByText('Ausgeblendet').count()).resolves.toBe(1)
      expect(await axeViolations(console)).toEqual([])

      // The table's host restores it from the host device.
      await host.goto(`${server.url}${created.links.hosts.sprache}`)
      await host.getByRole('heading', { name: 'Sprache' }).waitFor()
      await host.getByText('Karten moderieren').click()
      await host.getByRole('list', { name: 'Ausgeblendete Karten' }).waitFor()
      expect(await axeViolations(host)).toEqual([])
      await host.getByRole('button', { name: `Karte „${text}“ wiederherstellen` }).click()
      await reader.page.getByText(text, { exact: true }).waitFor({ timeout: 5000 })
      await projector.getByText(text).waitFor({ timeout: 5000 })
      await hiddenList.waitFor({ state: 'detached', timeout: 5000 })
      // Back on the board: the author's note goes.
      await writer.page.locator('[data-own-card]').first().waitFor({ state: 'detached', timeout: 5000 })
    } finally {
      for (const c of [writer.context, reader.context, projectorContext, consoleContext, hostContext]) await c.close()
    }
  })
})
