import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const clientRoot = fileURLToPath(new URL('./client', import.meta.url))
const devServer = process.env.TISCHRUNDE_DEV_SERVER ?? 'http://127.0.0.1:3000'

/** Builds the client (phone, projector, facilitator console) into client/dist, served by the server. */
export default defineConfig({
  root: clientRoot,
  plugins: [
    react(),
    // A service worker keeps the app shell on the phone, so a reload on flaky venue Wi-Fi still
    // opens the page; the board itself lives in IndexedDB. Registered from a file (the CSP forbids
    // inline script). Browsers allow service workers on HTTPS and on localhost only.
    VitePWA({
      injectRegister: 'script',
      registerType: 'autoUpdate',
      manifest: {
        name: 'Tischrunde',
        short_name: 'Tischrunde',
        lang: 'de',
        start_url: '/',
        display: 'standalone',
        theme_color: '#0b3d5c',
        background_color: '#f2f5f8',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//, /^\/yjs\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: { '@tischrunde/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./client/dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
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
