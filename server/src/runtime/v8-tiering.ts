import v8 from 'node:v8'

/**
 * V8's interrupt budget for the server (bytes of bytecode a function runs before V8 looks at
 * optimising it; V8's own default is 67,584). @default 8192
 *
 * V8's defaults suit a page whose functions run thousands of times a second. A card's way through
 * the server (the write gate, the Yjs update, the log) runs a few times a second, once per card, so
 * with the default it stays in V8's baseline code for minutes of a workshop. An eighth of the
 * budget lets V8 optimise it after some tens of cards (measured with 22 phones at 5 cards/s: the
 * main thread's CPU a third lower, the card a half millisecond sooner at the other phones).
 */
export const INTERRUPT_BUDGET = 8192

/**
 * The last V8 major version that has `--interrupt-budget` (Node 20 ships V8 11.3). From V8 12 on
 * (Node 22 and 24) V8 counts calls instead, tiers up through Maglev, and answers the flag with
 * "Error: unrecognized flag" on stderr, so the server leaves V8's defaults alone there.
 * @default 11
 */
export const LAST_V8_WITH_INTERRUPT_BUDGET = 11

/** Sets the server's V8 tuning, unless the operator gave that flag to node themselves. */
export function tuneV8({
  execArgv = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? '',
  v8Version = process.versions.v8,
  setFlags = v8.setFlagsFromString,
}: V8Tuning = {}): void {
  if (Number.parseInt(v8Version, 10) > LAST_V8_WITH_INTERRUPT_BUDGET) return
  if ([...execArgv, nodeOptions].some((arg) => arg.includes('interrupt-budget'))) return
  setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`)
}

/** Where the tuning looks for the operator's own flags, and how it sets them (a test gives its own). */
export interface V8Tuning {
  execArgv?: readonly string[]
  nodeOptions?: string
  /** V8's version, as `process.versions.v8` gives it. */
  v8Version?: string
  setFlags?: (flags: string) => void
}
