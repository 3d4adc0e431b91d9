/**
 * The end-of-station gong, synthesised with the Web Audio API (no audio file to ship or cache).
 * Browsers keep audio locked until someone clicks or presses a key in the window, so every key
 * press on the projector also calls `unlockAudio`.
 */
let context: AudioContext | null = null
const listeners = new Set<() => void>()

function audio(): AudioContext | null {
  if (context) return context
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!Ctor) return null
  context = new Ctor()
  context.addEventListener('statechange', () => {
    for (const listener of listeners) listener()
  })
  return context
}

/** Call from a user gesture: lets later gongs play. */
export function unlockAudio(): void {
  const ctx = audio()
  if (ctx?.state === 'suspended') ctx.resume().catch(() => {})
}

/**
 * Whether a gong would be heard now: 'on' once the browser lets this page play sound, 'locked'
 * until someone clicks or presses a key (autoplay rules), 'none' without Web Audio.
 */
export function audioState(): 'on' | 'locked' | 'none' {
  const ctx = audio()
  if (!ctx) return 'none'
  return ctx.state === 'running' ? 'on' : 'locked'
}

/** Calls `listener` whenever the audio state changes; returns the function that stops it. */
export function subscribeAudio(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Partials of a small bell-like gong: frequency ratio to the base, loudness, decay in seconds. */
const PARTIALS = [
  [1, 0.5, 3.2],
  [2, 0.22, 2.2],
  [2.76, 0.16, 1.6],
  [5.4, 0.06, 0.8],
] as const
/** Base pitch in Hz (G3): low enough to carry through a noisy hall without being shrill. */
const BASE_HZ = 196

/** Strikes the gong once. Silent if the browser has no Web Audio or has not unlocked it yet. */
export function playGong(): void {
  const ctx = audio()
  if (!ctx) return
  if (ctx.state === 'suspended') ctx.resume().catch(() => {})
  const start = ctx.currentTime + 0.02
  const master = ctx.createGain()
  master.gain.value = 0.6
  master.connect(ctx.destination)
  for (const [ratio, level, decay] of PARTIALS) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = BASE_HZ * ratio
    gain.gain.setValueAtTime(0.0001, start)
    gain.gain.exponentialRampToValueAtTime(level, start + 0.01)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + decay)
    osc.connect(gain).connect(master)
    osc.start(start)
    osc.stop(start + decay + 0.05)
  }
}
