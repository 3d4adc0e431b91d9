import path from 'node:path'
import { parseArgs } from 'node:util'
import { boot } from '../boot.js'
import { readEnv } from '../config/env.js'
import { type RenderedFile, inProcessRenderer } from '../export/export-service.js'
import { EXPORT_FORMATS, type ExportFormat } from '../export/shared-export.js'
import { writeFileDurably } from '../storage/durable-file.js'

const FORMATS = [...EXPORT_FORMATS, 'zip'] as const
const USAGE = `Aufruf: npm run export -- --event <id> --format ${FORMATS.join('|')} [--table <id>] --out <Ordner>`

/** A mistake in the command line or the data named by it: printed as it is, with no stack. */
class UsageError extends Error {}

/** node:util's parseArgs speaks English; say what went wrong in German. */
function parseArgsProblem(error: unknown): string {
  const code = (error as { code?: string }).code
  const option = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unbekannte Option${option ? ` „${option}“` : ''}.`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Die Option${option ? ` „${option}“` : ''} braucht einen Wert.`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'Unerwartetes Argument ohne Option.'
  return 'Ungültiger Aufruf.'
}

/**
 * `npm run export -- --event winnenden --format pdf --out ./out` writes the whole documentation;
 * with `--table <id>` one table's result sheet; `--format zip` everything in one archive. Stop
 * the server first (the data folder is locked). Prints the paths it wrote.
 */
async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { event: { type: 'string' }, format: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: false,
    }))
  } catch (error) {
    throw new UsageError(`${parseArgsProblem(error)}\n${USAGE}`)
  }
  if (!values.event) throw new UsageError(`Bitte die Veranstaltung mit --event <id> angeben.\n${USAGE}`)
  if (!values.format) throw new UsageError(`Bitte das Format mit --format angeben (${FORMATS.join(', ')}).\n${USAGE}`)
  if (!(FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(`Unbekanntes Format „${values.format}“. Möglich: ${FORMATS.join(', ')}.`)
  if (!values.out) throw new UsageError(`Bitte den Zielordner mit --out <Ordner> angeben.\n${USAGE}`)
  if (values.format === 'zip' && values.table) throw new UsageError('--table geht nicht mit --format zip: das Archiv enthält alle Thementische.')
  const format = values.format as ExportFormat | 'zip'

  const env = readEnv()
  const { server, unlock } = await boot({ dataDir: env.dataDir, logLevel: 'warn', startFresh: false, withClient: false })
  try {
    const stored = await server.events.get(values.event)
    if (!stored) {
      const known = (await server.events.list()).map((e) => e.event.id)
      throw new UsageError(`Die Veranstaltung „${values.event}“ gibt es nicht. ${known.length ? `Vorhanden: ${known.join(', ')}.` : 'Es gibt noch keine Veranstaltung.'}`)
    }
    if (values.table && !stored.event.tables.some((t) => t.id === values.table)) {
      const known = stored.event.tables.map((t) => t.id)
      throw new UsageError(`Den Thementisch „${values.table}“ gibt es in „${stored.event.title}“ nicht. ${known.length ? `Vorhanden: ${known.join(', ')}.` : 'Sie hat keine Thementische.'}`)
    }
    const file = await server.transfer.exportEvent(stored)
    let out: RenderedFile
    if (format === 'zip') out = await inProcessRenderer.renderZip(file, undefined, await server.zipExtras(stored))
    else if (values.table) out = await inProcessRenderer.renderTable(file, values.table, format)
    else out = await inProcessRenderer.renderEvent(file, format)
    // Written beside the target and renamed over it: a full disk leaves no half-written file behind.
    const target = path.join(path.resolve(values.out), out.fileName)
    await writeFileDurably(target, out.bytes).catch((error: unknown) => {
      throw new UsageError(`Die Datei ${target} ließ sich nicht schreiben (${(error as NodeJS.ErrnoException).code ?? String(error)}, z. B. Platte voll); es ist keine halbe Datei liegen geblieben.`)
    })
    console.log(target)
  } finally {
    await server.rooms.settle()
    await server.storage.close()
    await unlock()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
