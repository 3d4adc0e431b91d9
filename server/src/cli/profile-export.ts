import { parseArgs } from 'node:util'
import { aLargeEventExport } from '@tischrunde/fixtures'
import { renderEvent, renderZip } from '../export/export-service.js'
import { EXPORT_FORMATS } from '../export/shared-export.js'

/**
 * Renders a generated long day (see aLargeEventExport) in this thread and prints how long each
 * format took: the script to profile exports with, e.g.
 * `node --cpu-prof server/dist/cli/profile-export.js --cards 3000 --formats docx,pdf,zip`.
 * `--long-words` makes every card one unbroken 280-character word (the slowest text to lay out),
 * `--long-word-every 10` every tenth card one of 200 (as the fault suite's long day).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cards: { type: 'string', default: '1000' },
      tables: { type: 'string', default: '30' },
      formats: { type: 'string', default: 'docx,pdf' },
      'long-words': { type: 'boolean', default: false },
      'long-word-every': { type: 'string', default: '0' },
    },
  })
  const file = aLargeEventExport({ cards: Number(values.cards), tables: Number(values.tables), longWordEvery: Number(values['long-word-every']) })
  if (values['long-words']) {
    for (const card of file.boards.flatMap((b) => b.stations.flatMap((s) => s.columns.flatMap((c) => c.cards)))) {
      card.text = (card.text.replace(/[^A-Za-z0-9]/g, '') + 'x'.repeat(280)).slice(0, 280)
    }
  }
  for (const format of values.formats.split(',')) {
    const started = performance.now()
    const out = format === 'zip' ? await renderZip(file) : await renderEvent(file, EXPORT_FORMATS.find((f) => f === format) ?? 'pdf')
    console.log(`${format}: ${values.cards} cards on ${values.tables} tables in ${Math.round(performance.now() - started)} ms (${out.bytes.length} bytes)`)
  }
}

await main()
