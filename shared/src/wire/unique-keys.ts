import type { z } from 'zod'
import { duplicate } from './field-issue.js'

/**
 * Adds a "duplicate" issue for every item of `items` whose key an earlier item already had, at
 * `[...path, index, ...keyPath]`. For lists a file or message keys by id (stations of a board, actors
 * of a map): stored by that key, a repeated one would silently overwrite the one before it.
 */
export function refuseRepeatedKeys<T>(ctx: z.RefinementCtx, items: readonly T[] | undefined, keyOf: (item: T) => string, path: readonly (string | number)[], keyPath: readonly (string | number)[] = []): void {
  const seen = new Set<string>()
  items?.forEach((item, i) => {
    const key = keyOf(item)
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, i, ...keyPath], message: `duplicate ${key}`, params: duplicate(key) })
    seen.add(key)
  })
}
