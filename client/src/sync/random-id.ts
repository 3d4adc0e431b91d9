/**
 * A random URL-safe id (16 characters, 96 bits). crypto.randomUUID exists only on HTTPS pages, and
 * venue servers are often plain HTTP; getRandomValues works everywhere.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_')
}
