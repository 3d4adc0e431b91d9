import { winnendenEvent } from '@tischrunde/fixtures'
import { boot } from './boot.js'
import { limitsFromEnv, readEnv, tlsFromEnv } from './config/env.js'
import { publicBaseUrl } from './public-url.js'
import { DataFileError } from './storage/storage-error.js'
import { programmeRehearsal } from './programme/rehearsal-clock.js'

/** `npm start`: serve the built app; on the very first start, load the Winnenden demo. */
async function main(): Promise<void> {
  const env = readEnv()
  const args = new Set(process.argv.slice(2))
  const { server, log, unlock } = await boot({
    dataDir: env.dataDir,
    logLevel: env.LOG_LEVEL,
    startFresh: args.has('--start-fresh'),
    withClient: true,
    limits: limitsFromEnv(env),
    publicUrl: env.TISCHRUNDE_PUBLIC_URL,
    openEventCreation: env.TISCHRUNDE_OPEN_EVENT_CREATION,
    tls: tlsFromEnv(env),
    redis: env.TISCHRUNDE_REDIS_URL
      ? { url: env.TISCHRUNDE_REDIS_URL, prefix: env.TISCHRUNDE_REDIS_PREFIX, nodeUrl: env.TISCHRUNDE_NODE_URL, leaseMs: env.TISCHRUNDE_LEASE_MS }
      : undefined,
    ...programmeRehearsal(),
  })

  const store = server.events
  const demo = winnendenEvent()
  if (!process.env.TISCHRUNDE_NO_DEMO && !(await server.storage.events.demoSeeded())) {
    await server.transfer.seed(demo, { reset: false, now: Date.now() })
    await server.storage.events.markDemoSeeded()
    log.info({ event: demo.event.id }, 'Demo-Veranstaltung Winnenden geladen')
  }

  const url = await server.listen(env.PORT, env.HOST)
  const port = Number(new URL(url).port)
  const base = publicBaseUrl(env.TISCHRUNDE_PUBLIC_URL, env.HOST, port, new URL(url).protocol === 'https:' ? 'https' : 'http')
  const lines = [`Tischrunde läuft: ${base}  (Daten: ${env.TISCHRUNDE_REDIS_URL ? `Redis, Schlüssel ${env.TISCHRUNDE_REDIS_PREFIX}…; Schlüsseldatei in ${env.dataDir}` : env.dataDir})`, `Verwaltung:  ${base}/admin#k=${server.credentials.adminKey}`]
  const winnenden = await store.get(demo.event.id)
  if (winnenden) {
    const links = store.links(winnenden)
    lines.push(
      `Demo „${winnenden.event.title}“:`,
      `  Moderation:   ${base}${links.facilitator}`,
      `  Beamer:       ${base}${links.projector}`,
      `  Teilnehmende: ${base}${links.participant}   (Code ${winnenden.joinCode})`,
    )
  }
  console.log(lines.join('\n'))

  let stopping = false
  const stop = async (signal: string) => {
    // A second Ctrl+C or SIGTERM while stopping: the operator wants it gone now.
    if (stopping) return void unlock().finally(() => process.exit(1))
    stopping = true
    log.info({ signal }, 'Tischrunde wird beendet')
    // The store may be out of reach (Redis down): what it did not take is still on the phones, which
    // send it again. The process ends within a bound either way and frees the data folder, so a new
    // one can start; it never hangs or ends on an unhandled error.
    let timer: NodeJS.Timeout | undefined
    const bound = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), env.TISCHRUNDE_STOP_MAX_MS)))
    const closed = await Promise.race([server.close().then(() => 'closed' as const), bound]).catch((error: unknown) => {
      log.error({ err: error }, 'Beim Beenden ging etwas schief (Speicher nicht erreichbar?); Tischrunde endet trotzdem')
      return 'failed' as const
    })
    clearTimeout(timer)
    if (closed === 'late') log.error({ waitedMs: env.TISCHRUNDE_STOP_MAX_MS }, 'Beenden dauert zu lange (Speicher nicht erreichbar?); Tischrunde endet jetzt')
    await unlock().catch(() => undefined)
    process.exit(closed === 'closed' ? 0 : 1)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof DataFileError) console.error(`\n${error.message}\n`)
  else console.error(error)
  process.exit(1)
})
