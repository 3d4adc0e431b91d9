import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const alias = {
  '@tischrunde/shared': src('./shared/src/index.ts'),
  '@tischrunde/fixtures': src('./fixtures/src/index.ts'),
}

/**
 * Node 25 and later put their own Web Storage on `globalThis` (empty without `--localstorage-file`),
 * and vitest 4 then keeps it instead of happy-dom's `localStorage` (vitest-dev/vitest#8757): the
 * client tests' workers run without Node's. Node 22 and 24 need nothing (and Node 20 has no such flag).
 */
const withoutNodeWebStorage = Number(process.versions.node.split('.')[0]) >= 25 ? { execArgv: ['--no-experimental-webstorage'] } : {}

/** `npm test` runs every project: unit (shared, fixtures, client), integration (server) and browser (e2e). */
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        // The shared schemas as the browser build runs them: zod's classic API on zod/mini (vite.config.ts).
        resolve: { alias: [...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })), { find: /^zod$/, replacement: src('./client/src/lib/zod-facade.ts') }] },
        test: { name: 'shared-browser-zod', include: ['shared/src/**/*.test.ts'], environment: 'node' },
      },
      { resolve: { alias }, test: { name: 'fixtures', include: ['fixtures/src/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          exclude: ['server/test/faults/**'],
          environment: 'node',
          // Real server processes, real Redis and real worker threads on a shared machine: one more
          // run before a failure counts; Vitest's report names every retried test.
          retry: 1,
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        // The fault suite (`npm run test:faults`): hostile input, load and crashes against the real
        // server process. One file at a time, so its latency numbers are not skewed by its own files.
        test: {
          name: 'faults',
          include: ['server/test/faults/**/*.test.ts'],
          environment: 'node',
          // Load and crash timings on a shared machine: one more run before a failure counts (see e2e).
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: { name: 'client', include: ['client/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['client/src/test/setup.ts'], ...withoutNodeWebStorage },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium for the run; every file connects to it with contexts of its own.
          globalSetup: ['e2e/support/browser-server.ts'],
          // Real browsers on a busy two-core CI machine: a failing browser test runs once more, and only
          // a second failure fails the run. Vitest's report names every retried test, so a flaky one
          // stays visible (and is fixed as a bug, as the tree edit form and the announcer were).
          retry: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
