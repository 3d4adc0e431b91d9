/**
 * Which web pages may open sockets to this server. Browsers send `Origin` with every websocket and
 * Socket.IO handshake; a page on another site (a link shared further than intended, a malicious ad
 * on the venue Wi-Fi) must not drive a phone's or the console's credentials from there.
 *
 * Allowed: no Origin at all (not a browser), the server's own address (the Host the browser used),
 * the configured public URL, and loopback pages (the Vite dev server on localhost).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (host && url.host === host.toLowerCase()) return true
  if (publicUrl && sameOrigin(url, publicUrl)) return true
  return LOOPBACK.has(url.hostname)
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

function sameOrigin(url: URL, other: string): boolean {
  try {
    return new URL(other).origin === url.origin
  } catch {
    return false
  }
}
