import { networkInterfaces } from 'node:os'

/**
 * The address to print and to put into QR codes: TISCHRUNDE_PUBLIC_URL if set; otherwise, when
 * listening on all interfaces, the first LAN address (phones cannot reach "localhost").
 */
export function publicBaseUrl(configured: string | undefined, host: string, port: number, scheme: 'http' | 'https' = 'http'): string {
  if (configured) return configured.replace(/\/+$/, '')
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return `${scheme}://${a.address}:${port}`
    }
    return `${scheme}://localhost:${port}`
  }
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
