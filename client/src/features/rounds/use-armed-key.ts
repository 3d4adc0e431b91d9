import { useEffect, useRef, useState } from 'react'

/** How long a first press of a room-changing key waits for the second, in ms. */
export const ARM_MS = 3000

/**
 * Room-changing shortcuts (next, back) act only on a second press of the same key within
 * ARM_MS; the first press names what the second will do. Returns the armed key and a press handler.
 */
export function useArmedKey(): { armed: string | null; press: (key: string, act: () => void) => void; disarm: () => void } {
  const [armed, setArmed] = useState<string | null>(null)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const disarm = () => {
    window.clearTimeout(timer.current)
    setArmed(null)
  }
  const press = (key: string, act: () => void) => {
    if (armed === key) {
      disarm()
      act()
      return
    }
    window.clearTimeout(timer.current)
    setArmed(key)
    timer.current = window.setTimeout(() => setArmed(null), ARM_MS)
  }
  return { armed, press, disarm }
}
