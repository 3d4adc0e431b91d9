import { useEffect, useState } from 'react'
import { useTischStore } from '../store/index.js'

/** The server's clock, ticking every `intervalMs` (so all screens count down alike, whatever their own clocks say). */
export function useServerNow(intervalMs = 250): number {
  const offset = useTischStore((s) => s.clockOffsetMs)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => window.clearInterval(id)
  }, [intervalMs])
  return now + offset
}
