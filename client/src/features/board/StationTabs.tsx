import type { Station } from '@tischrunde/shared'
import { useTranslation } from 'react-i18next'

/** Switches between stations (until rounds are run by the facilitator, each screen chooses). */
export function StationTabs({ stations, index, onChange }: { stations: Station[]; index: number; onChange: (i: number) => void }) {
  const { t } = useTranslation()
  return (
    <nav className="station-tabs" aria-label={t('board.station')}>
      {stations.map((s, i) => (
        <button key={s.id} type="button" className={i === index ? 'tab tab-current' : 'tab'} aria-current={i === index ? 'step' : undefined} onClick={() => onChange(i)}>
          {s.title}
        </button>
      ))}
    </nav>
  )
}
