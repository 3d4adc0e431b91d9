import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { type Plugin, defineConfig } from 'vite'

const clientRoot = fileURLToPath(new URL('./client', import.meta.url))
const devServer = process.env.TISCHRUNDE_DEV_SERVER ?? 'http://127.0.0.1:3000'

/**
 * zod's JSON Schema generator is never used in the browser, but every zod schema links to it.
 * Its modules are replaced by same-named exports that throw, which keeps about 6 KB (gzipped)
 * off every phone; validation itself is untouched.
 */
function zodWithoutJsonSchema(): Plugin {
  const generator = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema|json-schema-generator)\.js$/
  const locale = /[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/
  return {
    name: 'tischrunde:zod-without-json-schema',
    apply: 'build',
    load(id) {
      // zod's English messages: the browser never shows them (failures are worded from codes,
      // client/src/i18n/error-text.ts); custom messages set in the schemas are kept.
      if (locale.test(id)) return `export default function () { return { localeError: () => 'Invalid input' } }\n`
      if (!generator.test(id)) return null
      const names = [...readFileSync(id, 'utf8').matchAll(/^export (?:const|function|class|let) (\w+)/gm)].map((m) => m[1])
      const unavailable = `function unavailable() { throw new Error('JSON Schema is not part of the browser build') }`
      return `${unavailable}\n${names.map((n) => `export const ${n} = unavailable`).join('\n')}\n`
    },
  }
}

/**
 * lib0's console logger (styled output, virtual consoles) comes into the browser build only through
 * Yjs's two warnings, and it drags lib0's DOM helpers and its schema library along, about 3 KB
 * (gzipped) on every phone. Its module is replaced by one with the same exports that prints
 * the same text to the console, without colours.
 */
function lib0PlainLogging(): Plugin {
  const logging = /[\\/]lib0[\\/]logging\.js$/
  return {
    name: 'tischrunde:lib0-plain-logging',
    apply: 'build',
    load(id) {
      if (!logging.test(id)) return null
      const source = readFileSync(id, 'utf8')
      const names = [...source.matchAll(/^export (?:const|function|class|let) (\w+)/gm)].map((m) => m[1])
      const styles = [...source.matchAll(/^export \{([^}]*)\} from '\.\/logging\.common\.js'/gm)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()))
      const plain = {
        print: `(...args) => console.log(...args.filter((a) => typeof a !== 'symbol'))`,
        warn: `(...args) => console.warn(...args.filter((a) => typeof a !== 'symbol'))`,
        printError: `(err) => console.error(err)`,
        createModuleLogger: `() => () => {}`,
      } as Record<string, string>
      const body = names.map((n) => `export const ${n} = ${plain[n] ?? '() => {}'}`)
      return [...styles.map((n) => `export const ${n} = Symbol('${n}')`), ...body].join('\n') + '\n'
    },
  }
}

/**
 * The browser's control connection speaks WebSocket only (`control-connection.ts`): every screen
 * needs WebSockets for its boards anyway, so HTTP long-polling would only add a handshake and an
 * upgrade to each connect. Socket.IO's long-polling and WebTransport transports are therefore
 * classes that refuse to be made, which keeps about 2 KB (gzipped) off every phone.
 */
function socketIoWebSocketOnly(): Plugin {
  const transport = /[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/](webtransport|polling-xhr|polling-fetch)\.js$/
  const stubs: Record<string, string> = { webtransport: 'WT', 'polling-xhr': 'XHR', 'polling-fetch': 'Fetch' }
  return {
    name: 'tischrunde:socket-io-websocket-only',
    apply: 'build',
    load(id) {
      const name = transport.exec(id)?.[1]
      if (!name) return null
      const exports = name === 'polling-xhr' ? ['XHR', 'BaseXHR', 'Request'] : [stubs[name]!]
      return exports.map((n) => `export class ${n} { constructor() { throw new Error('${name} is not part of the browser build') } }`).join('\n') + '\n'
    },
  }
}

/**
 * wouter imports `useSyncExternalStore` through its shim for React 17; React 19 has its own, which
 * the shim only hands on. Taking React's directly keeps the shim's code off every phone.
 */
function reactOwnUseSyncExternalStore(): Plugin {
  const virtual = '\0tischrunde:use-sync-external-store'
  return {
    name: 'tischrunde:react-own-use-sync-external-store',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return /^use-sync-external-store\/shim(\/index\.js)?$/.test(source) ? virtual : null
    },
    load(id) {
      return id === virtual ? `export { useSyncExternalStore } from 'react'\n` : null
    },
  }
}

/** The modules of the `sync` chunk (see `codeSplitting` below). */
const SYNC_MODULES = [
  /node_modules[\\/](yjs|lib0|y-protocols|y-websocket|y-indexeddb)[\\/]/,
  /client[\\/]src[\\/]sync[\\/](hooks|board-connection|control-connection|control-carried|vote-messages|purge-device-copy|use-server-now|saved-vector|pending-cards)\.ts$/,
  /client[\\/]src[\\/]store[\\/](vote-store|selectors)\.ts$/,
  /shared[\\/]src[\\/]doc[\\/]board-(doc|write-rules|update-check)\.ts$/,
  /shared[\\/]src[\\/]wire[\\/](board-messages|socket-events)\.ts$/,
  /shared[\\/]src[\\/]rounds[\\/](round-machine|projector-display)\.ts$/,
  /shared[\\/]src[\\/]harvest[\\/](harvest-wire|vote\.schema|group\.schema)\.ts$/,
  /shared[\\/]src[\\/]event[\\/]event-setup\.schema\.ts$/,
  /shared[\\/]src[\\/]kinds[\\/]moderation[\\/]moderation\.schema\.ts$/,
  /shared[\\/]src[\\/]access[\\/](policy|event-view)\.ts$/,
  // Small pieces every live screen shows from its first render (each its own file otherwise).
  /client[\\/]src[\\/]features[\\/](rounds[\\/]RoundTimer|moderation[\\/]CardMarks|privacy[\\/](LiveAnnouncer|announce))\.tsx?$/,
  /client[\\/]src[\\/]app[\\/]use-document-title\.ts$/,
  /shared[\\/]src[\\/]kinds[\\/](records|writers|moderation[\\/]card-marks)\.ts$/,
]

/**
 * The modules of the `live-ui` chunk: the board's card list and form, the phone's moderation view
 * and the small hooks they use. Every seated phone loads them, the console and projector most of
 * them; as one file they compress better than the dozen small ones the automatic split made (2 KB
 * less on the phone, five fewer requests). No module the `sync` chunk imports may be here: the two
 * chunks would import each other and one would run before the other's classes exist.
 */
const LIVE_UI_MODULES = [
  /client[\\/]src[\\/]features[\\/](board[\\/](BoardColumns|CardAlternatives|CardItem|use-online|BoardStatusBanner)|cards[\\/](show-sent-card|keep-field-clear|AddCardForm|CardWords)|moderation[\\/]PhoneModeration|actors[\\/]ActorsPhoneEntry)\.tsx?$/,
  /client[\\/]src[\\/]lib[\\/](char-count|send-on-ctrl-enter|use-draft|use-focus-keeper)\.ts$/,
  /client[\\/]src[\\/](app[\\/]ScreenPart\.tsx|i18n[\\/]moderation-phone-wording\.ts)$/,
]

/** The modules of the `socketio` chunk: Socket.IO and the control plane's transport over it. */
const SOCKET_IO_MODULES = /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)[\\/]|client[\\/]src[\\/]sync[\\/]control-socketio\.ts$/

/** Builds the client (phone, projector, facilitator console) into client/dist, served by the server. */
export default defineConfig({
  root: clientRoot,
  plugins: [react(), zodWithoutJsonSchema(), lib0PlainLogging(), socketIoWebSocketOnly(), reactOwnUseSyncExternalStore()],
  resolve: {
    alias: [
      { find: '@tischrunde/shared', replacement: fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) },
      // zod's classic API on zod/mini: the same validation, without every method on every schema
      // (client/src/lib/zod-facade.ts). The server keeps classic zod.
      { find: /^zod$/, replacement: fileURLToPath(new URL('./client/src/lib/zod-facade.ts', import.meta.url)) },
      // No presence on the client: the server drops it (client/src/sync/no-awareness.ts).
      { find: /^y-protocols\/awareness(\.js)?$/, replacement: fileURLToPath(new URL('./client/src/sync/no-awareness.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./client/dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The live connections (Yjs, y-websocket and the code that drives them) in one
          // chunk: the phone, the console and the projector all load every piece of it, and one file
          // compresses better than the seven small ones the automatic split made of it. Only these
          // modules are taken (not their dependencies), so the entry chunk keeps what it has and the
          // start page and admin page never load them.
          // Socket.IO in a chunk of its own, loaded on demand: a phone seated at a table carries its
          // control plane on its board's socket and never loads it.
          groups: [
            { name: 'sync', includeDependenciesRecursively: false, test: (id: string) => SYNC_MODULES.some((re) => re.test(id)) },
            { name: 'live-ui', includeDependenciesRecursively: false, test: (id: string) => LIVE_UI_MODULES.some((re) => re.test(id)) },
            { name: 'socketio', includeDependenciesRecursively: false, test: (id: string) => SOCKET_IO_MODULES.test(id) },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': devServer,
      '/healthz': devServer,
      '/socket.io': { target: devServer, ws: true },
      '/yjs': { target: devServer, ws: true },
    },
  },
})
