import { useEffect, useSyncExternalStore } from 'react'
import { audioState, subscribeAudio, unlockAudio } from './gong.js'

/** The projector's sound as the browser allows it; any click or key in the window unlocks it. */
export function useAudioState(): 'on' | 'locked' | 'none' {
  useEffect(() => {
    const unlock = () => unlockAudio()
    window.addEventListener('pointerdown', unlock)
    window.addEventListener('keydown', unlock)
    return () => {
      window.removeEventListener('pointerdown', unlock)
      window.removeEventListener('keydown', unlock)
    }
  }, [])
  return useSyncExternalStore(subscribeAudio, audioState)
}
