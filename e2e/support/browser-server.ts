import type { TestProject } from 'vitest/node'
import { launchBrowserServer } from './browser.js'

/**
 * The e2e project's globalSetup: starts Chromium once per run instead of once per test file (a
 * launch and close cost seconds on a busy machine) and hands its address to the files.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await launchBrowserServer()
  project.provide('chromiumEndpoint', browser.wsEndpoint)
  return browser.close
}
