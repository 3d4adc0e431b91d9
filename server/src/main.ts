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
    if (stopping) return
    stopping = true
    log.info({ signal }, 'Tischrunde wird beendet')
    await server.close()
    await unlock()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof DataFileError) console.error(`\n${error.message}\n`)
  else console.error(error)
  process.exit(1)
})
