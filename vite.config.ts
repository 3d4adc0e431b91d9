import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const clientRoot = fileURLToPath(new URL('./client', import.meta.url))
const devServer = process.env.TISCHRUNDE_DEV_SERVER ?? 'http://127.0.0.1:3000'

/** Builds the client (phone, projector, facilitator console) into client/dist, served by the server. */
export default defineConfig({
  root: clientRoot,
  plugins: [react()],
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
