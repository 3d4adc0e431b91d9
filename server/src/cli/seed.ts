import { winnendenEvent } from '@tischrunde/fixtures'
import { boot } from '../boot.js'
import { readEnv } from '../config/env.js'

/**
 * `npm run seed [-- --reset]`: loads the Winnenden event (id `winnenden`). Running it twice leaves
 * one event; `--reset` restores its boards after edits. Stop the server first (the data folder is locked).
 */
async function main(): Promise<void> {
  const env = readEnv()
  const reset = process.argv.includes('--reset')
  const { server, unlock } = await boot({ dataDir: env.dataDir, logLevel: 'warn', startFresh: false, withClient: false })
  try {
    const file = winnendenEvent()
    const { created, stored } = await server.transfer.seed(file, { reset, now: Date.now() })
    await server.storage.events.markDemoSeeded()
    const verb = created ? 'angelegt' : reset ? 'zurückgesetzt' : 'war schon da (unverändert; mit --reset zurücksetzen)'
    console.log(`Veranstaltung „${stored.event.title}“ (${stored.event.id}) ${verb}: ${stored.event.tables.length} Thementische.`)
  } finally {
    await server.rooms.settle()
    await server.storage.close()
    await unlock()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
