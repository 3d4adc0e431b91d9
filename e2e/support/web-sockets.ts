import type { Page, WebSocket } from 'playwright-core'

/**
 * Every WebSocket a page opens, by what it is: `socket.io`, or the kind of the doc a doc socket
 * opens (`board`, `own`, `modstate` …). `open()` lists those still open, sorted; `controls()` counts
 * the doc sockets that carry the control plane (`?control=`).
 */
export function watchSockets(page: Page) {
  const opened: WebSocket[] = []
  page.on('websocket', (ws) => void opened.push(ws))
  const kind = (ws: WebSocket) => {
    const [root, doc] = new URL(ws.url()).pathname.split('/').slice(1)
    return root === 'yjs' ? doc!.split('.')[0]! : root!
  }
  return {
    opened: () => opened.map(kind),
    open: () => opened.filter((ws) => !ws.isClosed()).map(kind).sort(),
    controls: () => opened.filter((ws) => ws.url().includes('control=')).length,
  }
}

/**
 * What a page did on the wire and in its frame, with the time since the call: WebSockets opened,
 * closed or refused, and navigations (a reload). Printed when a test of reconnects fails, so that
 * a failure on a busy CI machine says where the time went.
 */
export function socketTimeline(page: Page): () => string {
  const started = Date.now()
  const lines: string[] = []
  const note = (line: string) => void lines.push(`${String(Date.now() - started).padStart(6)} ms  ${line}`)
  const what = (ws: WebSocket) => new URL(ws.url()).pathname
  page.on('websocket', (ws) => {
    note(`open   ${what(ws)}`)
    ws.on('socketerror', (error) => note(`error  ${what(ws)}: ${error}`))
    ws.on('close', () => note(`closed ${what(ws)}`))
  })
  page.on('framenavigated', (frame) => frame === page.mainFrame() && note(`page   ${new URL(frame.url()).pathname}`))
  return () => lines.join('\n')
}

/**
 * Awaits a step of a reconnect test; when it fails, its error carries `story()` (the error is what
 * CI's summary of failures shows, a log line of the test may be far above it).
 */
export async function told<T>(step: Promise<T>, story: () => string): Promise<T> {
  try {
    return await step
  } catch (error) {
    if (error instanceof Error) error.message += `\n${story()}`
    throw error
  }
}
