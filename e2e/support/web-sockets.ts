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
