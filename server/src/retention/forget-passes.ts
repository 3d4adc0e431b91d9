import type { ForgetOutcome } from './forget-contributions.js'

/** Passes over one event's docs at least this far apart (ms): people in bulk cannot make the server read an event over and over. @default 2000 */
export const FORGET_PASS_GAP_MS = 2000
/** People one pass takes; those beyond wait for the next. @default 200 */
export const FORGET_PASS_PEOPLE = 200
/** People who may wait per event; beyond it a request is answered "try again" (a flood of fresh identities). @default 2000 */
export const FORGET_WAITING_MAX = 2000

interface Waiting {
  resolve: (removed: number) => void
  reject: (error: unknown) => void
}
interface EventPasses {
  waiting: Map<string, Waiting[]>
  running: boolean
  lastEnd: number
  timer: NodeJS.Timeout | undefined
}

/** Thrown when too many people of an event wait already. */
export class ForgetQueueFull extends Error {}

/**
 * "Meine Beiträge löschen" per event, in shared passes: each request used to read every doc of the
 * event, so a budget per event refused honest people once fresh identities had spent it. Now
 * everyone who asks while a pass runs (or waits for its gap) is taken by the next pass, which reads
 * the docs once for all of them: nobody is refused for others' requests, only made to wait, and the
 * server reads an event at most once per gap however many ask.
 */
export class ForgetPasses {
  private readonly events = new Map<string, EventPasses>()

  constructor(
    private readonly pass: (eventId: string, participantIds: readonly string[]) => Promise<ForgetOutcome>,
    private readonly after: (eventId: string, outcome: ForgetOutcome) => Promise<void>,
    private readonly opts = { gapMs: FORGET_PASS_GAP_MS, people: FORGET_PASS_PEOPLE, waitingMax: FORGET_WAITING_MAX },
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves with how many records of the participant were deleted or anonymised, once a pass has taken them. */
  forget(eventId: string, participantId: string): Promise<number> {
    let passes = this.events.get(eventId)
    if (!passes) this.events.set(eventId, (passes = { waiting: new Map(), running: false, lastEnd: 0, timer: undefined }))
    const own = passes.waiting.get(participantId)
    if (!own && passes.waiting.size >= this.opts.waitingMax) return Promise.reject(new ForgetQueueFull())
    const done = new Promise<number>((resolve, reject) => {
      if (own) own.push({ resolve, reject })
      else passes.waiting.set(participantId, [{ resolve, reject }])
    })
    this.schedule(eventId, passes)
    return done
  }

  /** Forgets the waiting of an event that was deleted (its requests are answered by the deletion). */
  drop(eventId: string): void {
    const passes = this.events.get(eventId)
    if (passes && !passes.running) {
      clearTimeout(passes.timer)
      this.events.delete(eventId)
      for (const list of passes.waiting.values()) for (const w of list) w.reject(new Error('event deleted'))
    }
  }

  private schedule(eventId: string, passes: EventPasses): void {
    if (passes.running || passes.timer || passes.waiting.size === 0) return
    const wait = Math.max(0, passes.lastEnd + this.opts.gapMs - this.now())
    passes.timer = setTimeout(() => {
      passes.timer = undefined
      void this.run(eventId, passes)
    }, wait)
    passes.timer.unref?.()
  }

  private async run(eventId: string, passes: EventPasses): Promise<void> {
    const taken = [...passes.waiting].slice(0, this.opts.people)
    for (const [id] of taken) passes.waiting.delete(id)
    passes.running = true
    try {
      const outcome = await this.pass(eventId, taken.map(([id]) => id))
      await this.after(eventId, outcome)
      for (const [id, list] of taken) for (const w of list) w.resolve(outcome.get(id)?.removed ?? 0)
    } catch (error) {
      for (const [, list] of taken) for (const w of list) w.reject(error)
    } finally {
      passes.running = false
      passes.lastEnd = this.now()
      if (passes.waiting.size === 0) this.events.delete(eventId)
      else this.schedule(eventId, passes)
    }
  }
}
