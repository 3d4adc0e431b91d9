import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'
import { inject } from 'vitest'

/** Debian's Chromium (`apt-get install chromium`), headless, with no network of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

function assertChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`)
}

/** One headless Chromium for the whole e2e run (the project's globalSetup); each test file connects to it. */
export async function launchBrowserServer(): Promise<{ wsEndpoint: string; close: () => Promise<void> }> {
  assertChromium()
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ARGS })
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() }
}

/**
 * The browser of a test file: a connection to the run's shared Chromium (contexts stay apart, and
 * `close()` drops this file's contexts and connection only), or a Chromium of its own outside it.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint')
  if (endpoint) {
    try {
      return await chromium.connect(endpoint, { timeout: 30_000 })
    } catch {
      // The shared browser is gone (crashed): this file starts its own.
    }
  }
  assertChromium()
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
}

/** A phone-sized page: 360×740, touch, German. */
export const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'de-DE' }
export const PROJECTOR = { viewport: { width: 1920, height: 1080 }, locale: 'de-DE' }

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's address for `chromium.connect`; empty outside the e2e project. */
    chromiumEndpoint: string
  }
}
