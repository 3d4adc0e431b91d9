import type { AppOptions, TischrundeServer } from '../../src/app.js'
import { boot } from '../../src/boot.js'
import { rememberAdminKey } from './api.js'

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  server: TischrundeServer
  dataDir: string
  /** Stops the server (storing everything applied) and releases the data folder. */
  close(): Promise<void>
}

/** Boots the server in this process on an ephemeral port of 127.0.0.1, on `dataDir`. */
export async function startServer(dataDir: string, app: Pick<AppOptions, 'docKinds' | 'roomIdleMs'> = {}): Promise<RunningServer> {
  const { server, unlock } = await boot({ dataDir, logLevel: 'silent', startFresh: false, withClient: false, app })
  let url: string
  try {
    url = await server.listen(0, '127.0.0.1')
  } catch (error) {
    await server.close().catch(() => {})
    await unlock()
    throw error
  }
  rememberAdminKey(url, server.credentials.adminKey)
  let closing: Promise<void> | null = null
  return {
    url,
    server,
    dataDir,
    close: () =>
      (closing ??= (async () => {
        try {
          await server.close()
        } finally {
          await unlock()
        }
      })()),
  }
}
