import { bremenEvent, koelnEvent, winnendenEvent } from '@tischrunde/fixtures'
import { boot } from '../boot.js'
import { readEnv } from '../config/env.js'

/**
 * `npm run seed [-- --reset]`: loads the Winnenden event (id `winnenden`) and the Bremen event
 * (id `bremen-2018`, problem/solution trees by Kommunengröße) and the Köln Transferforum (id
 * `koeln-2018`, a programme with ten workshops in two work phases). Running it twice leaves
 * one event; `--reset` restores its boards after edits. Stop the server first (the data folder is locked).
 * A run that fails half-way (a bad item, a full disk) leaves no half new event behind: run it again
 * once the cause is fixed; a failed `--reset` is repaired by running it again.
 */
async function main(): Promise<void> {
  const env = readEnv()
  const reset = process.argv.includes('--reset')
  const { server, unlock } = await boot({ dataDir: env.dataDir, logLevel: 'warn', startFresh: false, withClient: false })
  try {
    for (const file of [winnendenEvent(), bremenEvent(), koelnEvent()]) {
      const { created, stored } = await server.transfer.seed(file, { reset, now: Date.now() })
      const verb = created ? 'angelegt' : reset ? 'zurückgesetzt' : 'war schon da (unverändert; mit --reset zurücksetzen)'
      // What the day is made of: theme tables, small groups, a programme of workshops (no "0 Thementische").
      const method = stored.event.treeMethod
      const parts = [
        ...(stored.event.tables.length > 0 ? [`${stored.event.tables.length} Thementische`] : []),
        ...(method ? [`Kleingruppen nach ${method.attribute}: ${method.values.join(', ')}`] : []),
      ]
      console.log(`Veranstaltung „${stored.event.title}“ (${stored.event.id}) ${verb}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`)
      if (file.programme && (created || reset)) console.log(`  Programm: ${file.programme.items.length} Punkte, ${file.programme.items.flatMap((i) => i.workshops).length} Workshops.`)
    }
    await server.storage.events.markDemoSeeded()
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
