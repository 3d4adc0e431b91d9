/** Path prefix of doc sockets: `/yjs/<docName>?token=…`. */
export const BOARD_SOCKET_PREFIX = '/yjs/'

/**
 * The doc a doc socket's request names, read one way wherever it is read (the router that sends
 * the socket to its event's node, and the socket that opens the doc). A path a URL parser would
 * rewrite (dot segments, `%2e`, backslashes) names none: read raw it named no event, so the router
 * kept it on any node, while parsed it opened the owner's doc there (a second copy of a board).
 */
export function docNameOfUrl(url: string): string | undefined {
  const q = url.indexOf('?')
  const raw = q < 0 ? url : url.slice(0, q)
  if (!raw.startsWith(BOARD_SOCKET_PREFIX)) return undefined
  let parsed: string
  try {
    parsed = new URL(raw, 'http://localhost').pathname
  } catch {
    return undefined
  }
  if (parsed !== raw) return undefined
  try {
    return decodeURIComponent(raw.slice(BOARD_SOCKET_PREFIX.length))
  } catch {
    return undefined
  }
}
