import type { ProjectorView } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'

/** "Ansicht" of the console's remote: one pressed button per view the projectors obey. */
export function RemoteViews(props: { views: readonly ProjectorView[]; current: ProjectorView; label: (view: ProjectorView) => string; onShow: (view: ProjectorView) => void }) {
  const { t } = useTranslation()
  return (
    <div className="button-row" role="group" aria-label={t('remote.view')}>
      {props.views.map((view) => (
        <button key={view} type="button" className={props.current === view ? 'primary' : 'secondary'} aria-pressed={props.current === view} onClick={() => props.onShow(view)}>
          {props.label(view)}
        </button>
      ))}
    </div>
  )
}
