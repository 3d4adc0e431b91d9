// ESLint for the whole repository (`npm run lint`, part of `npm test`). Syntax-only rules (no type
// information) keep it fast; `tsc -b` does the type checking. The import boundaries of STYLE.md §1
// and §10 are `no-restricted-imports` patterns below; each says what to use instead.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

const TS = ['**/*.{ts,tsx,mts,cts}']
const TESTS = ['**/*.test.{ts,tsx}', '**/test/**/*.{ts,tsx}', 'e2e/**/*.ts']

// ─── Import boundaries ───────────────────────────────────────────────────────────────────────────
// ESLint keeps only the last matching options of a rule, so every area lists all of its
// restrictions, built from these pieces.

/**
 * No package reaches into another package's folder by relative path (`../../shared/src/…`): import
 * it by its package name. Tests may import the fixture builders by path, as shared/ and client/ tests do.
 */
const crossPackage = (instead) => ({
  regex: String.raw`^(\.\./)+(shared|fixtures|server|client|bench)/`,
  message: instead ?? 'Import another workspace by its package name (@tischrunde/shared, @tischrunde/fixtures), never by a relative path into its folder.',
})
const crossPackageInTests = (instead) => ({
  regex: String.raw`^(\.\./)+((shared|server|client|bench)/|fixtures/(?!src/builders(\.js)?$))`,
  message: instead ?? 'A test may import the fixture builders (fixtures/src/builders.js) by path; import anything else of another workspace by its package name.',
})

const appPackages = (instead) =>
  ['@tischrunde/server', '@tischrunde/client'].map((name) => ({ name, message: `The server and the client are apps, not libraries. ${instead}` }))

const SHARED_INSTEAD = 'shared/ holds the schemas and pure rules both sides use; move what both need into shared/ and pass plain values in.'
const NO_NODE = 'shared/ runs in the browser too: no Node modules. Take time, ids, files and randomness as arguments.'
const sharedPaths = [
  ...appPackages(SHARED_INSTEAD),
  { name: '@tischrunde/fixtures', message: 'shared/ does not depend on fixtures; a test may import fixtures/src/builders.js by path.' },
  ...['react', 'react-dom', 'zustand', 'express', 'socket.io', 'socket.io-client', 'ws', 'y-websocket'].map((name) => ({
    name,
    message: `No React, Express, Socket.IO or websockets in shared/: they belong to client/ or server/. ${SHARED_INSTEAD}`,
  })),
  ...builtinModules.map((name) => ({ name, message: NO_NODE })),
]
const sharedPatterns = [{ regex: '^node:', message: NO_NODE }]
const sharedCrossPackage = crossPackage(`shared/ imports no other workspace. ${SHARED_INSTEAD}`)
const sharedCrossPackageInTests = crossPackageInTests(`shared/ imports no other workspace; its tests may import the fixture builders (fixtures/src/builders.js).`)

const FIXTURES_INSTEAD = 'Fixtures build data from shared/ types only, so server and client tests can both use them.'
const fixturesPaths = appPackages(FIXTURES_INSTEAD)
const fixturesCrossPackage = crossPackage(`Import shared/ as @tischrunde/shared; never server/ or client/. ${FIXTURES_INSTEAD}`)

/** Features and routes talk to the server through the hooks and modules of client/src/sync, never the transport. */
const TRANSPORT_INSTEAD = 'use the hooks in client/src/sync/hooks.ts (useBoard, useControl) or sync/api.ts; only client/src/sync/ holds sockets and Yjs providers.'
const clientUiPaths = ['socket.io-client', 'y-websocket', 'y-indexeddb', 'yjs'].map((name) => ({
  name,
  message: `Components never hold a socket or a Y.Doc: ${TRANSPORT_INSTEAD}`,
}))
const clientUiPatterns = [
  { group: ['lib0/*'], message: `Yjs encoding belongs to the transport: ${TRANSPORT_INSTEAD}` },
  { regex: String.raw`(^|/)sync/[^/]*connection[^/]*$`, message: `Transport module: ${TRANSPORT_INSTEAD}` },
]

/** Handlers parse, authorise and delegate; the socket binding lives in server/src/transport. */
const handlerPaths = ['socket.io', 'ws'].map((name) => ({
  name,
  message: 'Handlers get a parsed payload and a session and return an Ack; only server/src/transport/ touches Socket.IO or ws.',
}))

const restrict = ({ paths = [], patterns = [] }) => ['error', { paths, patterns }]

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/dist-types/',
      '**/coverage/',
      '**/*.tsbuildinfo',
      'data/',
      '.tmp/',
      'bench/results/',
      'scratch/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.{js,ts,tsx,mts,cts}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: TS,
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },

  // The browser: client code and the service worker.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. The plugin's React Compiler rules (its `recommended` set) are left
    // out: we don't use the compiler, and running it takes three quarters of the lint time.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['client/public/sw.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } },
  },

  // Boundaries, from the widest area to the narrowest (for each file the last match wins, so each
  // block repeats the restrictions of the wider ones).
  {
    files: TS,
    rules: { 'no-restricted-imports': restrict({ patterns: [crossPackage()] }) },
  },
  {
    files: TESTS,
    rules: { 'no-restricted-imports': restrict({ patterns: [crossPackageInTests()] }) },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrict({ paths: sharedPaths, patterns: [sharedCrossPackage, ...sharedPatterns] }) },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict({ paths: sharedPaths, patterns: [sharedCrossPackageInTests, ...sharedPatterns] }) },
  },
  {
    files: ['fixtures/**/*.ts'],
    rules: { 'no-restricted-imports': restrict({ paths: fixturesPaths, patterns: [fixturesCrossPackage] }) },
  },
  {
    files: ['client/src/features/**/*.{ts,tsx}', 'client/src/app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict({ paths: clientUiPaths, patterns: [crossPackage(), ...clientUiPatterns] }) },
  },
  {
    files: ['client/src/features/**/*.test.{ts,tsx}', 'client/src/app/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict({ paths: clientUiPaths, patterns: [crossPackageInTests(), ...clientUiPatterns] }) },
  },
  {
    files: ['server/src/handlers/**/*.ts'],
    rules: { 'no-restricted-imports': restrict({ paths: handlerPaths, patterns: [crossPackage()] }) },
  },
  {
    files: ['server/src/handlers/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict({ paths: handlerPaths, patterns: [crossPackageInTests()] }) },
  },
)
