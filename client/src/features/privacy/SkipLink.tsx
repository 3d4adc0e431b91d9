import { useTranslation } from '../../i18n/index.js'
import '../../i18n/privacy-wording.js'

/**
 * "Zum Inhalt springen": the first stop of the keyboard on a long screen, past the header and the
 * control bar to `target` (an element with that id and tabIndex -1). Hidden until focused. It names
 * what follows there: on a programme-only day no tables, but the programme; on a day of trees the groups.
 */
export function SkipLink({ target, programmeOnly = false, treeDay = false }: { target: string; programmeOnly?: boolean; treeDay?: boolean }) {
  const { t } = useTranslation()
  return (
    <a className="skip-link" href={`#${target}`} onClick={(e) => {
      // The address keeps its query and no hash (links carry keys in the fragment): move focus only.
      e.preventDefault()
      document.getElementById(target)?.focus()
    }}>
      {t(programmeOnly ? 'privacy.skipToContentProgramme' : treeDay ? 'privacy.skipToContentTrees' : 'privacy.skipToContent')}
    </a>
  )
}
