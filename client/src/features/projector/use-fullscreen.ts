import { useCallback, useEffect, useState } from 'react'

/** Whether the page fills the screen, and a toggle (browsers allow it only after a key press or click). */
export function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement != null)
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement != null)
    document.addEventListener('fullscreenchange', sync)
    return () => document.removeEventListener('fullscreenchange', sync)
  }, [])
  const toggle = useCallback(() => {
    const change = document.fullscreenElement ? document.exitFullscreen?.() : document.documentElement.requestFullscreen?.()
    change?.catch(() => {})
  }, [])
  return [on, toggle]
}
