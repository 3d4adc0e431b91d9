/** Polls `check` until it returns a truthy value; fails with `label` after `timeoutMs`. Never waits forever. */
export async function waitFor<T>(check: () => T | Promise<T>, label: string, timeoutMs = 5000, everyMs = 20): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as NonNullable<T>
    } catch (error) {
      last = error
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${last ? ` (last error: ${String(last)})` : ''}`)
    await sleep(everyMs)
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Rejects with `label` if `promise` does not settle within `timeoutMs`. */
export function within<T>(promise: Promise<T>, label: string, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}`)), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
