import { ACTOR_AREAS, tablesOf } from '@tischrunde/shared'
import '../../i18n/actors-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useActorMap } from '../../sync/actor-map-hooks.js'
import { areaLabel } from './area-label.js'
import './actors.css'

/** The actor map on a phone: read-only, by area, most-named first. Loaded as its own chunk. */
export default function ActorPhone({ eventId, token, onBack, fromTree = false }: { eventId: string; token: string; onBack(): void; fromTree?: boolean }) {
  const { t } = useTranslation()
  const map = useActorMap(eventId, token, 'shown')
  const visible = map.actors.filter((a) => !a.hidden)
  return (
    <section className="actor-phone" aria-labelledby="actor-phone-title">
      <button type="button" className="secondary" onClick={onBack}>
        {t(fromTree ? 'actors.phoneBackTree' : 'actors.phoneBack')}
      </button>
      <h2 id="actor-phone-title">{t('actors.phoneTitle')}</h2>
      <p className="muted">{t('actors.readOnly')}</p>
      {visible.length === 0 && map.status === 'synced' && <p>{t('actors.emptyShown')}</p>}
      {ACTOR_AREAS.filter((area) => visible.some((a) => a.area === area)).map((area) => (
        <section key={area}>
          <h3>{areaLabel(t, map.areaNames, area)}</h3>
          <ul className="actor-phone-list">
            {visible
              .filter((a) => a.area === area)
              .sort((a, b) => tablesOf(b).length - tablesOf(a).length || a.name.localeCompare(b.name, 'de'))
              .map((a) => (
                <li key={a.id}>
                  {a.name}{' '}
                  <span className="muted">
                    <span aria-hidden="true">({tablesOf(a).length})</span>
                    <span className="visually-hidden">{t(fromTree ? 'actors.namedInGroups' : 'actors.namedAt', { count: tablesOf(a).length })}</span>
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
