import { useEffect, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { SHORTCUT_LIST } from './shortcuts.js'

/** Keys whose printed name differs by language (German keyboards say "Bild↑"), by their wording key. */
const KEY_NAMES: ReadonlyMap<string, string> = new Map([
  ['Bild↑', 'pageUp'],
  ['Bild↓', 'pageDown'],
  ['Esc', 'escape'],
])

/**
 * The list of all projector shortcuts (the café's, or a tree day's `list`). Escape or the button
 * closes it; focus returns to where it was. `audio`: the note on the gong (the café's projector).
 */
export function ShortcutsOverlay({ onClose, list = SHORTCUT_LIST, audio = true }: { onClose: () => void; list?: typeof SHORTCUT_LIST; audio?: boolean }) {
  const { t } = useTranslation()
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => before?.focus?.()
  }, [])
  return (
    <div className="projector-overlay" role="presentation" onClick={onClose}>
      <div
        className="shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        // The close button is the only control inside: Tab stays on it while the dialog is open.
        onKeyDown={(e) => e.key === 'Tab' && e.preventDefault()}
      >
        <h2 id="shortcuts-title">{t('projectorModes.shortcuts')}</h2>
        <dl className="shortcuts-list">
          {list.map((s) => (
            <div key={s.text} className="shortcut">
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k}>{KEY_NAMES.has(k) ? t(`projectorModes.keyNames.${KEY_NAMES.get(k)!}`) : k}</kbd>
                ))}
              </dt>
              <dd>{t(`projectorModes.keys.${s.text}`)}</dd>
            </div>
          ))}
        </dl>
        {audio && <p className="muted">{t('projectorModes.audioNote')}</p>}
        <button ref={closeRef} type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  )
}
