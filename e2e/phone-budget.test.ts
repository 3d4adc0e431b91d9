import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, phoneRouteJavascript } from '@tischrunde/bench/src/cold.js'
import { PHONE_JS_KB } from '@tischrunde/bench/src/report.js'
import { type TischrundeServer, freshDataDir, killStarted, removeDir, startTischrunde } from '@tischrunde/bench/src/servers.js'
import { advanceRound } from '@tischrunde/bench/src/tischrunde-api.js'

/**
 * The phone's JavaScript budget, measured as `npm run bench` measures it (every script the page
 * loads while a new phone joins the Winnenden demo, picks a table and sees the card field; gzip -9),
 * so a change that grows the phone's start over budget fails `npm test` instead of a later bench run.
 */

let browser: Browser
let server: TischrundeServer
const dataDir = freshDataDir('phone-budget')

beforeAll(async () => {
  browser = await launch()
  server = await startTischrunde({ dataDir, demo: true })
  if (!server.demo) throw new Error('the server did not print the Winnenden links')
  // Phones write once Station 1 is open.
  await advanceRound(server.url, server.demo.facilitatorToken)
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await browser?.close()
  killStarted()
  removeDir(dataDir)
})

describe('a new phone at a café table', () => {
  it(`loads at most ${PHONE_JS_KB} KB of JavaScript (gzip) until it can write a card, and no other screen's code`, async () => {
    const js = await phoneRouteJavascript(browser, server.url, server.demo!.joinCode)
    const byFile = Object.entries(js.byFile)
      .sort((a, b) => b[1] - a[1])
      .map(([file, kb]) => `${kb.toFixed(1).padStart(6)} KB  ${file}`)
      .join('\n')
    expect(js.kb, `phone route ${js.kb} KB over ${js.files} files:\n${byFile}`).toBeLessThanOrEqual(PHONE_JS_KB)
    // Screens a café phone does not show come with their own chunks, fetched only when shown.
    const others = Object.keys(js.byFile).filter((file) => /\/(Console|Projector|Admin|Landing|TreePhone|ProgrammePhone|VotePhone|GroupPhone|ActorPhone|TableModeration|en)-[\w-]+\.js$/.test(file))
    expect(others).toEqual([])
  })
})
