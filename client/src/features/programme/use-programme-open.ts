import { useSearchParams } from 'wouter'

/** The query parameter that opens the programme on the phone (`?programm`), so a reload or a link shows it again. */
export const PROGRAMME_PARAM = 'programm'

/**
 * Whether the phone shows the programme, and how to open or leave it. Other parameters (`?lang=en`)
 * stay; opening adds a history entry, so the phone's back button returns to the table.
 */
export function useProgrammeOpen(): { open: boolean; show: (open: boolean) => void } {
  const [params, setParams] = useSearchParams()
  const show = (open: boolean) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      if (open) next.set(PROGRAMME_PARAM, '')
      else next.delete(PROGRAMME_PARAM)
      return next
    })
  return { open: params.has(PROGRAMME_PARAM), show }
}
