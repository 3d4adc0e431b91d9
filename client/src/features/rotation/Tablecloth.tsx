import type { Station, TischEvent } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'
import { BoardColumns } from '../board/BoardColumns.js'

/**
 * The "tablecloth": a new group at a table first reads what earlier groups wrote there (the
 * stations before the current one), then goes on to add its own. Someone who sat down at the wrong
 * table changes it here already (`onLeave`; a table host has none).
 */
export function Tablecloth(props: { event: TischEvent; docName: string; station: Station; earlier: readonly Station[]; hasCards: boolean; onContinue: () => void; onLeave?: (() => void) | undefined }) {
  const { t } = useTranslation()
  return (
    <section className="tablecloth" aria-labelledby="tablecloth-title">
      <h2 id="tablecloth-title" tabIndex={-1} data-step-focus="tablecloth">{t('rotation.tablecloth')}</h2>
      <p>{t('rotation.tableclothHint')}</p>
      {props.hasCards ? (
        props.earlier.map((s) => (
          <div key={s.id} className="tablecloth-station">
            <h3>
              {s.title}: {s.prompt}
            </h3>
            <BoardColumns event={props.event} docName={props.docName} stationId={s.id} over />
          </div>
        ))
      ) : (
        <p className="muted">{t('rotation.nothingYet')}</p>
      )}
      <div className="tablecloth-continue">
        <button type="button" className="primary" onClick={props.onContinue}>
          {t('rotation.continue', { station: props.station.title })}
        </button>
      </div>
      {props.onLeave && (
        <div className="phone-footer">
          <button type="button" className="secondary" onClick={props.onLeave}>
            {t('join.changeTable')}
          </button>
        </div>
      )}
    </section>
  )
}
