/**
 * TISCHRUNDE_PROGRAMME_CLOCK=2018-06-19T11:25:00+02:00: the programme's clock starts at that moment
 * when the server starts and runs on from there — a rehearsal of the day (and the browser tests'
 * clock). Only the programme follows it; rounds, timers and links keep the real clock. Unset or
 * unreadable: the real clock.
 */
export function programmeRehearsal(value = process.env.TISCHRUNDE_PROGRAMME_CLOCK): { app?: { programmeNow: () => number } } {
  const start = value ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(start)) return {}
  const offset = start - Date.now()
  return { app: { programmeNow: () => Date.now() + offset } }
}
