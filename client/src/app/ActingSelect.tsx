import { type ChangeEvent, type KeyboardEvent, type SelectHTMLAttributes, useId, useRef, useState } from 'react'
import { useTranslation } from '../i18n/index.js'

/** Keys with which a closed select steps through its options (each step a change in Chromium and Firefox). */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'])

/** Whether a key steps a closed select on: the step keys, and letters (type-ahead). Space opens the list instead. */
const steps = (e: KeyboardEvent) => STEP_KEYS.has(e.key) || (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey)

/**
 * A select whose choice does something to the day (moves a node, assigns a card, moves a person,
 * changes what the hall's projector shows). Chosen with the mouse or in the opened list, it acts at
 * once. Stepped through with the arrow keys on the closed select, which browsers turn into a change
 * for every key, it only shows the option: Enter acts, Escape or leaving it goes back. So a keyboard
 * user can read the options without doing something with each. Screen readers are told so.
 */
export function ActingSelect({ value, onAct, children, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: string; onAct: (value: string) => void }) {
  const { t } = useTranslation()
  const hintId = useId()
  const [shown, setShown] = useState<string | null>(null)
  const stepping = useRef(false)
  const act = (chosen: string) => {
    setShown(null)
    if (chosen !== value) onAct(chosen)
  }
  return (
    <>
      <select
        {...rest}
        value={shown ?? value}
        aria-describedby={rest['aria-describedby'] ? `${rest['aria-describedby']} ${hintId}` : hintId}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown !== null) {
            e.preventDefault()
            act(shown)
          } else if (e.key === 'Escape' && shown !== null) setShown(null)
          stepping.current = steps(e)
        }}
        onKeyUp={() => (stepping.current = false)}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => {
          if (!stepping.current) return act(e.target.value)
          stepping.current = false
          setShown(e.target.value)
        }}
        onBlur={() => setShown(null)}
      >
        {children}
      </select>
      {/* Hidden from a surrounding label's name; read as the select's description. */}
      <span id={hintId} className="visually-hidden" aria-hidden="true">
        {t('common.selectActs')}
      </span>
    </>
  )
}
