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

/** Sets the server's V8 tuning, unless the operator gave that flag to node themselves. */
export function tuneV8({ execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '', setFlags = v8.setFlagsFromString }: V8Tuning = {}): void {
  if ([...execArgv, nodeOptions].some((arg) => arg.includes('interrupt-budget'))) return
  setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`)
}

/** Where the tuning looks for the operator's own flags, and how it sets them (a test gives its own). */
export interface V8Tuning {
  execArgv?: readonly string[]
  nodeOptions?: string
  setFlags?: (flags: string) => void
}
