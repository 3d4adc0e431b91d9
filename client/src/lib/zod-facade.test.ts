import { z as classic } from 'zod'
import { describe, expect, it } from 'vitest'
import { z as facade } from './zod-facade.js'

/** The same schema written once, built with classic zod and with the browser's facade. */
function both<T>(build: (z: typeof classic) => T): [T, T] {
  return [build(classic), build(facade as unknown as typeof classic)]
}

type Parser = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: readonly { code: string; path: PropertyKey[] }[] } } }
const outcome = (schema: Parser, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error!.issues.map((i) => `${i.code}@${i.path.join('.')}`) }
}

describe('zod facade (the browser build’s zod)', () => {
  const cases: [string, (z: typeof classic) => Parser, unknown[]][] = [
    ['string bounds, trim, regex', (z) => z.string().trim().min(2).max(5).regex(/^[a-z ]+$/), ['  ab  ', 'a', 'abcdef', 'ab1', 42]],
    ['string length, nonempty, url', (z) => z.object({ a: z.string().length(3), b: z.string().nonempty().optional(), c: z.string().url().optional() }), [{ a: 'abc' }, { a: 'ab' }, { a: 'abc', b: '' }, { a: 'abc', c: 'nope' }, { a: 'abc', c: 'https://x.example' }]],
    ['number checks', (z) => z.number().int().nonnegative().max(10), [0, 3, -1, 2.5, 11, Number.NaN, Infinity, '3']],
    ['number min, positive, finite', (z) => z.number().min(1).positive().finite(), [1, 0, 0.5, 1e308]],
    ['arrays', (z) => z.array(z.string()).min(1).max(2), [[], ['a'], ['a', 'b', 'c'], ['a', 1]]],
    ['.array(), nullable, default, catch', (z) => z.object({ a: z.string().array().nullable(), b: z.number().default(7), c: z.enum(['x', 'y']).catch('x') }), [{ a: null }, { a: ['q'], b: 2, c: 'y' }, { a: ['q'], c: 'zzz' }, { a: 1 }]],
    ['objects strip, strict, extend, pick, omit', (z) => z.object({ a: z.string(), b: z.number().optional() }).extend({ c: z.boolean() }).omit({ b: true }).strict(), [{ a: 'x', c: true }, { a: 'x', c: true, d: 1 }, { a: 'x' }]],
    ['pick and plain strip', (z) => z.object({ a: z.string(), b: z.number() }).pick({ a: true }), [{ a: 'x', b: 1, e: 2 }, {}]],
    ['records, unions, literals, null', (z) => z.record(z.string(), z.union([z.literal(1), z.null(), z.boolean()])), [{ a: 1, b: null, c: true }, { a: 2 }, []]],
    ['discriminated union', (z) => z.discriminatedUnion('t', [z.object({ t: z.literal('a'), n: z.number() }), z.object({ t: z.literal('b') })]), [{ t: 'a', n: 1 }, { t: 'b' }, { t: 'c' }, { t: 'a' }]],
    ['refine, superRefine', (z) => z.object({ a: z.number(), b: z.number() }).refine((o) => o.a < o.b, { message: 'a<b' }).superRefine((o, ctx) => { if (o.a === 0) ctx.addIssue({ code: 'custom', message: 'zero', path: ['a'] }) }), [{ a: 1, b: 2 }, { a: 3, b: 2 }, { a: 0, b: 2 }]],
    ['transform and pipe', (z) => z.string().transform((s) => s.toUpperCase()).pipe(z.string().length(3)), ['abc', 'ab', 1]],
    ['unknown', (z) => z.object({ u: z.unknown() }), [{ u: { deep: [1] } }, {}]],
  ]
  for (const [name, build, values] of cases) {
    it(`validates like classic zod: ${name}`, () => {
      const [a, b] = both(build)
      for (const value of values) expect(outcome(b, value), JSON.stringify(value)).toEqual(outcome(a, value))
    })
  }

  it('keeps custom messages', () => {
    const [a, b] = both((z) => z.string().min(3, { message: 'zu kurz' }))
    expect(b.safeParse('x').error?.issues[0]?.message).toBe(a.safeParse('x').error?.issues[0]?.message)
  })
})
