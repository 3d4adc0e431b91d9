/**
 * `npx tsx bench/src/phone-js.ts` — only the phone route's JavaScript (gzip), per file, against the
 * built client: the budget check of `npm run bench` in a few seconds. Exits non-zero over budget.
 */
import { launch, phoneRouteJavascript } from './cold.js'
import { PHONE_JS_KB } from './report.js'
import { freshDataDir, killStarted, removeDir, startTischrunde } from './servers.js'
import { advanceRound } from './tischrunde-api.js'

const dataDir = freshDataDir('phone-js')
const browser = await launch()
try {
  const server = await startTischrunde({ dataDir, demo: true })
  if (!server.demo) throw new Error('the server did not print the Winnenden links')
  // Phones write once Station 1 is open.
  await advanceRound(server.url, server.demo.facilitatorToken)
  const js = await phoneRouteJavascript(browser, server.url, server.demo.joinCode)
  for (const [file, kb] of Object.entries(js.byFile).sort((a, b) => b[1] - a[1])) console.log(`${kb.toFixed(1).padStart(7)} KB  ${file}`)
  console.log(`${js.kb.toFixed(1).padStart(7)} KB  phone route, ${js.files} files (budget ${PHONE_JS_KB} KB)`)
  await server.stop()
  process.exitCode = js.kb <= PHONE_JS_KB ? 0 : 1
} finally {
  await browser.close()
  killStarted()
  removeDir(dataDir)
}
