import { useEffect, useRef, useState } from 'react'
import { setLanguage, useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'

/**
 * The projectors speak the language the console chose for them ("Sprache auf dem Beamer"), from the
 * next command on; the device does not keep it. A projector opened with `?lang=` in its address
 * keeps that language until the console sends a new command (as it keeps an explicit view).
 * `active`: false on a screen that is not a projector of its own (the facilitator's grouping view).
 */
export function useToldLanguage(active: boolean): void {
  const told = useTischStore((s) => s.projectorDisplay)
  const { language } = useTranslation()
  const applied = useRef<number | null>(null)
  const [explicit] = useState(() => new URLSearchParams(window.location.search).has('lang'))
  useEffect(() => {
    if (!active || !told || applied.current === told.seq) return
    applied.current = told.seq
    const wanted = told.display.language
    if (!wanted || wanted === language || (told.initial && explicit)) return
    void setLanguage(wanted, { remember: false }).catch(() => undefined) // offline without the file: stays as it is
  }, [active, told, language, explicit])
}
