import { useCallback, useState } from 'react'
import { keepMuted, readMuted } from '../../sync/device-storage.js'

/** Whether the projector's gong is muted; remembered on this device. */
export function useMuted(): [boolean, () => void] {
  const [muted, setMuted] = useState(readMuted)
  const toggle = useCallback(() => {
    setMuted((m) => {
      keepMuted(!m)
      return !m
    })
  }, [])
  return [muted, toggle]
}
