import { useEffect, useRef } from 'react'
import { unlockAudio } from './gong.js'
import { type ProjectorAction, actionForKey } from './shortcuts.js'
import { isTypingTarget } from '../../lib/typing-target.js'

/** Calls `onAction` for projector shortcuts pressed anywhere on the page (not while typing, not with Ctrl/Alt/Cmd). */
export function useProjectorKeys(onAction: (action: ProjectorAction) => void): void {
  const latest = useRef(onAction)
  useEffect(() => {
    latest.current = onAction
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      unlockAudio()
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return
      const target = e.target as HTMLElement | null
      if (isTypingTarget(target)) return
      const action = actionForKey(e.key)
      if (!action) return
      e.preventDefault()
      latest.current(action)
    }
    const onPointer = () => unlockAudio()
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onPointer)
    }
  }, [])
}
