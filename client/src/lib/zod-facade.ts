/**
 * zod's chainable ("classic") API, built on zod/mini, for the browser build only (vite.config.ts
 * resolves `zod` here). The shared schemas are written once in the classic style and also run on
 * the server; classic zod installs every method on every schema, so the browser would carry all
 * of them (about 19 KB gzipped, over the phone's budget). This facade keeps only what the schemas
 * use, each method doing exactly what classic zod does (the same zod core checks and wrappers), so
 * validation is the same: `zod-facade.test.ts` runs the shared schemas through it.
 *
 * A method the schemas start to use and this facade lacks fails loudly ("… is not a function") in
 * the browser tests and in the facade's test, never silently.
 */
import * as m from 'zod/mini'

/** A schema as the facade hands it out: a zod/mini schema with the classic methods on it. */
type Schema = m.ZodMiniType & Record<string, unknown>
type Params = Parameters<typeof m.string>[0]

// zod's check types are exact per schema type; the facade is typed by the real zod at every use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const checked = (s: Schema, check: any) => wrap(s.check(check) as Schema)

/** Methods every schema has in classic zod (the ones the shared schemas use). */
function commonMethods(s: Schema) {
  return {
    optional: () => wrap(m.optional(s) as unknown as Schema),
    nullable: () => wrap(m.nullable(s) as unknown as Schema),
    nullish: () => wrap(m.optional(m.nullable(s)) as unknown as Schema),
    default: (value: unknown) => wrap(m._default(s, value as never) as unknown as Schema),
    catch: (value: unknown) => wrap(m.catch(s, value as never) as unknown as Schema),
    array: () => wrap(m.array(s) as unknown as Schema),
    refine: (fn: (v: unknown) => unknown, params?: Params) => checked(s, m.refine(fn, params as never) as unknown as m.core.$ZodCheck),
    superRefine: (fn: (v: unknown, ctx: unknown) => void) => checked(s, m.superRefine(fn as never) as unknown as m.core.$ZodCheck),
    transform: (fn: (v: unknown, ctx: unknown) => unknown) => wrap(m.pipe(s, m.transform(fn as never)) as unknown as Schema),
    pipe: (target: Schema) => wrap(m.pipe(s, target) as unknown as Schema),
    or: (other: Schema) => wrap(m.union([s, other]) as unknown as Schema),
  }
}

/** Methods by schema type, as classic zod defines them. */
function typeMethods(s: Schema, type: string) {
  switch (type) {
    case 'string':
      return {
        min: (n: number, p?: Params) => checked(s, m.minLength(n, p as never)),
        max: (n: number, p?: Params) => checked(s, m.maxLength(n, p as never)),
        length: (n: number, p?: Params) => checked(s, m.length(n, p as never)),
        nonempty: (p?: Params) => checked(s, m.minLength(1, p as never)),
        regex: (re: RegExp, p?: Params) => checked(s, m.regex(re, p as never)),
        trim: () => checked(s, m.trim()),
        toUpperCase: () => checked(s, m.toUpperCase()),
        toLowerCase: () => checked(s, m.toLowerCase()),
        normalize: (form?: 'NFC' | 'NFD' | 'NFKC' | 'NFKD') => checked(s, m.normalize(form)),
        startsWith: (prefix: string, p?: Params) => checked(s, m.startsWith(prefix, p as never)),
        endsWith: (suffix: string, p?: Params) => checked(s, m.endsWith(suffix, p as never)),
        includes: (part: string, p?: Params) => checked(s, m.includes(part, p as never)),
        url: (p?: Params) => checked(s, m.url(p as never) as unknown as m.core.$ZodCheck),
      }
    case 'number':
      return {
        min: (n: number, p?: Params) => checked(s, m.gte(n, p as never)),
        max: (n: number, p?: Params) => checked(s, m.lte(n, p as never)),
        gte: (n: number, p?: Params) => checked(s, m.gte(n, p as never)),
        lte: (n: number, p?: Params) => checked(s, m.lte(n, p as never)),
        gt: (n: number, p?: Params) => checked(s, m.gt(n, p as never)),
        lt: (n: number, p?: Params) => checked(s, m.lt(n, p as never)),
        int: (p?: Params) => checked(s, m.int(p as never) as unknown as m.core.$ZodCheck),
        positive: (p?: Params) => checked(s, m.positive(p as never)),
        nonnegative: (p?: Params) => checked(s, m.nonnegative(p as never)),
        // Classic zod 4: every number is finite already; the method only returns the schema.
        finite: () => s,
      }
    case 'array':
      return {
        min: (n: number, p?: Params) => checked(s, m.minLength(n, p as never)),
        max: (n: number, p?: Params) => checked(s, m.maxLength(n, p as never)),
        length: (n: number, p?: Params) => checked(s, m.length(n, p as never)),
        nonempty: (p?: Params) => checked(s, m.minLength(1, p as never)),
      }
    case 'object':
      return {
        extend: (shape: Record<string, Schema>) => wrap(m.extend(s as never, shape as never) as unknown as Schema),
        pick: (mask: Record<string, true>) => wrap(m.pick(s as never, mask as never) as unknown as Schema),
        omit: (mask: Record<string, true>) => wrap(m.omit(s as never, mask as never) as unknown as Schema),
        strict: () => wrap(s.clone({ ...(s._zod.def as object), catchall: m.never() } as never) as Schema),
      }
    case 'record':
    case 'set':
    case 'map':
      return {
        min: (n: number, p?: Params) => checked(s, m.minSize(n, p as never)),
        max: (n: number, p?: Params) => checked(s, m.maxSize(n, p as never)),
      }
    default:
      return {}
  }
}

/** Puts the classic methods on a zod/mini schema (and returns it). */
function wrap<T extends Schema>(s: T): T {
  return Object.assign(s, commonMethods(s), typeMethods(s, (s._zod.def as { type: string }).type))
}

/** A schema constructor of zod/mini whose results carry the classic methods. */
const wrapped =
  <A extends unknown[]>(make: (...args: A) => unknown) =>
  (...args: A) =>
    wrap(make(...args) as Schema)

/** The `z` namespace as the shared schemas use it. */
export const z = {
  object: wrapped(m.object),
  strictObject: wrapped(m.strictObject),
  string: wrapped(m.string),
  number: wrapped(m.number),
  int: wrapped(m.int),
  boolean: wrapped(m.boolean),
  array: wrapped(m.array),
  enum: wrapped(m.enum),
  literal: wrapped(m.literal),
  record: wrapped(m.record),
  unknown: wrapped(m.unknown),
  any: wrapped(m.any),
  never: wrapped(m.never),
  null: wrapped(m.null),
  undefined: wrapped(m.undefined),
  union: wrapped(m.union),
  discriminatedUnion: wrapped(m.discriminatedUnion),
  tuple: wrapped(m.tuple),
  optional: wrapped(m.optional),
  nullable: wrapped(m.nullable),
  custom: wrapped(m.custom),
  ZodError: m.core.$ZodError,
  /** Global settings (the CSP needs `jitless`: no `new Function` probe). */
  config: m.config,
}
export default z
