// Tischrunde's service worker: keeps the app shell on the phone, so a reload on flaky venue Wi-Fi
// still opens the page (the board itself lives in IndexedDB). Hashed assets are cached as they
// load; pages are fetched fresh when online and served from the cache when not. API, Socket.IO and
// board sockets are never cached. Browsers allow service workers on HTTPS and on localhost only.
const CACHE = 'tischrunde-shell-v1'
const SHELL = '/index.html'

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

// The page's first load came before this worker ran: the page names the files it loaded, to keep.
// Only the app's own hashed files, a bounded number; anything else in the message is ignored.
self.addEventListener('message', (event) => {
  if (!Array.isArray(event.data)) return
  const urls = event.data
    .filter((u) => typeof u === 'string' && u.startsWith(`${self.location.origin}/assets/`))
    .map((u) => new URL(u).pathname)
    .filter((p) => /^\/assets\/[A-Za-z0-9._-]+$/.test(p))
    .slice(0, 200)
  // Only a file the server has: a missing one is answered with the app's page, which must not be kept as a script.
  const keep = (cache, u) =>
    fetch(u)
      .then((response) => (response.ok && !(response.headers.get('content-type') ?? '').includes('text/html') ? cache.put(u, response) : undefined))
      .catch(() => {})
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((u) => cache.match(u).then((hit) => hit ?? keep(cache, u))))))
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (/^\/(api|socket\.io|yjs|healthz)(\/|$)/.test(url.pathname)) return
  if (request.mode === 'navigate') {
    // Fresh page when online (and keep it for later); the cached shell when not, and when a proxy
    // in front answers for a server that is restarting (502, 503, 504): the app opens from its
    // stored boards instead of the proxy's error page.
    const shell = (response) => caches.match(SHELL).then((cached) => cached ?? response ?? Response.error())
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) void caches.open(CACHE).then((cache) => cache.put(SHELL, response.clone()))
          return response.status >= 502 && response.status <= 504 ? shell(response) : response
        })
        .catch(() => shell(null)),
    )
    return
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(request, response.clone()))
            return response
          }),
      ),
    )
  }
})
