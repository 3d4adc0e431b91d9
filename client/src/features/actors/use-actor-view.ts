import { useCallback, useEffect, useRef } from 'react'
import { useSearch, useSearchParams } from 'wouter'
import { useTischStore } from '../../store/index.js'

/**
 * Whether the projector shows the actor map: its address says `?mode=actors`, because it was opened
 * so or because the console told every projector to show it (the board view writes the console's
 * view into the address). While it shows the map, the console's next command for another view
 * switches back: the board view takes over and shows what was asked. A command replayed to a screen
 * that just connected does not move a projector opened on the map.
 */
export function useActorView(): boolean {
  const search = useSearch()
  const leave = useLeaveActorView()
  const on = new URLSearchParams(search).get('mode') === 'actors'
  const told = useTischStore((s) => s.projectorDisplay)
  const seen = useRef<number | null>(null)
  useEffect(() => {
    if (!on || !told || seen.current === told.seq) return
    seen.current = told.seq
    if (told.initial || told.languageOnly || told.spotlightEnded || told.treeFollowed || told.display.view === 'actors') return
    leave(told.display.view)
  }, [on, told, leave])
  return on
}

/** Switches the projector from the actor map to another view: writes it into the address, as a new step of the history. */
export function useLeaveActorView(): (view: string) => void {
  const [, setParams] = useSearchParams()
  return useCallback(
    (view: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          next.set('mode', view)
          return next
        },
        { replace: false },
      ),
    [setParams],
  )
}
