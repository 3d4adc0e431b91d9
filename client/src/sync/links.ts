/** Absolute address of a server-relative link, for QR codes and copying. */
export function absolute(link: string): string {
  return new URL(link, window.location.origin).toString()
}

/** Adds a query parameter to a link that may carry a `#k=` fragment. */
export function withQuery(link: string, key: string, value: string): string {
  const [path, hash] = link.split('#', 2)
  const url = new URL(path!, window.location.origin)
  url.searchParams.set(key, value)
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`
}
