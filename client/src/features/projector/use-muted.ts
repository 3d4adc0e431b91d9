import { useCallback, useState } from 'react'

const STORAGE_KEY = 'tischrunde.projector.muted'

/** Whether the projector's gong is muted; remembered on this device. */
export function useMuted(): [boolean, () => void] {
  const [muted, setMuted] = useState(() => window.localStorage.getItem(STORAGE_KEY) === '1')
  const toggle = useCallback(() => {
    setMuted((m) => {
      window.localStorage.setItem(STORAGE_KEY, m ? '0' : '1')
      return !m
    })
  }, [])
  return [muted, toggle]
}
