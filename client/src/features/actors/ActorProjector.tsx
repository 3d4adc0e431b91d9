import { ACTOR_AREAS, type ActorRecord, MAIN_AREAS, measuresOf, tablesOf } from '@tischrunde/shared'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import '../../i18n/actors-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useActorMap } from '../../sync/actor-map-hooks.js'
import { hyphenateDe, useHyphenation } from '../projector/hyphenate.js'
import { areaLabel } from './area-label.js'
import './actors.css'

/** The smallest type scale of a full map (1: the projector's size). */
const FIT_MIN = 0.6

/** Chip size steps by how many tables named an actor. */
function sizeOf(actor: ActorRecord): 's' | 'm' | 'l' | 'xl' {
  const n = tablesOf(actor).length
  return n >= 4 ? 'xl' : n === 3 ? 'l' : n === 2 ? 'm' : 's'
}

/**
 * The projector's actor map: the four areas of a local alliance as columns (the rest after them),
 * actor chips sized by how many tables named them, marks for core group, forum and cooperation,
 * and one actor's detail (which tables, which measures) on selection. Read-only, live.
 */
export default function ActorProjector({ event, token }: { event: { id: string; title: string; tables: readonly { id: string; name: string }[] }; token: string }) {
  const { t } = useTranslation()
  const map = useActorMap(event.id, token)
  // Long names ("Migrantenorganisationen") break at syllables inside their chip, not mid-syllable.
  useHyphenation()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const visible = useMemo(() => map.actors.filter((a) => !a.hidden), [map.actors])
  const areas = useMemo(() => [...MAIN_AREAS, ...ACTOR_AREAS.filter((a) => !MAIN_AREAS.includes(a) && visible.some((v) => v.area === a))], [visible])
  const selected = visible.find((a) => a.id === selectedId) ?? null
  const tableName = new Map(event.tables.map((tb) => [tb.id, tb.name]))
  // A projector cannot scroll: a map too full for the screen gets smaller type, step by step (to 60 %),
  // until its last chip is on the screen; new actors start again from full size.
  const mainRef = useRef<HTMLElement>(null)
  const [fit, setFit] = useState({ count: -1, scale: 1 })
  const scale = fit.count === visible.length ? fit.scale : 1
  useLayoutEffect(() => {
    const el = mainRef.current
    if (el && el.getBoundingClientRect().top + el.scrollHeight > window.innerHeight + 1 && scale > FIT_MIN)
      setFit({ count: visible.length, scale: Math.max(FIT_MIN, Math.round((scale - 0.05) * 100) / 100) })
  }, [scale, visible])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSelectedId(null)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <main ref={mainRef} className="page projector actor-projector" style={{ '--actor-scale': scale } as React.CSSProperties}>
      <header className="actor-projector-head">
        <h1>{t('actors.projectorTitle')}</h1>
        <p className="muted">
          {event.title} · {t('actors.projectorHint')}
        </p>
      </header>
      {map.status === 'offline' && <p className="banner banner-offline">{t('actors.offline')}</p>}
      {visible.length === 0 && map.status === 'synced' && <p>{t('actors.empty')}</p>}
      <div className="actor-columns" style={{ gridTemplateColumns: `repeat(${areas.length}, minmax(0, 1fr))` }}>
        {areas.map((area) => (
          <section key={area} className={`actor-column actor-area-${area}`} aria-labelledby={`area-${area}`} data-area={area}>
            <h2 id={`area-${area}`}>{areaLabel(t, map.areaNames, area)}</h2>
            <ul>
              {visible
                .filter((a) => a.area === area)
                .sort((a, b) => tablesOf(b).length - tablesOf(a).length || a.name.localeCompare(b.name, 'de'))
                .map((actor) => (
                  <li key={actor.id}>
                    <button
                      type="button"
                      className={`actor-chip actor-chip-${sizeOf(actor)}${actor.id === selectedId ? ' selected' : ''}`}
                      data-actor={actor.id}
                      aria-pressed={actor.id === selectedId}
                      onClick={() => setSelectedId(actor.id === selectedId ? null : actor.id)}
                    >
                      <span className="actor-chip-name">{hyphenateDe(actor.name)}</span>
                      <span className="actor-chip-count" aria-label={t('actors.mentions', { count: tablesOf(actor).length })}>
                        {tablesOf(actor).length}
                      </span>
                      {actor.coreGroup && <span className="actor-badge actor-badge-core">{t('actors.coreBadge')}</span>}
                      {actor.forum && <span className="actor-badge">{t('actors.forumBadge')}</span>}
                      {actor.cooperation && <span className="actor-badge">{t('actors.cooperationBadge')}</span>}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      {selected && (
        <aside className="actor-detail" aria-labelledby="actor-detail-title">
          <h2 id="actor-detail-title">{selected.name}</h2>
          <p className="muted">{areaLabel(t, map.areaNames, selected.area)}</p>
          <h3>{t('actors.details')}</h3>
          <ul>
            {tablesOf(selected).map((id) => {
              const measures = measuresOf(selected).get(id)
              return (
                <li key={id}>
                  <strong>{tableName.get(id) ?? id}</strong>
                  {measures && (
                    <ol className="actor-measures">
                      {measures.map((m) => (
                        <li key={m.n} value={m.n}>
                          {m.text || t('actors.measures', { list: String(m.n) })}
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              )
            })}
          </ul>
          {selected.notes && <p>{selected.notes}</p>}
          <button type="button" className="secondary" onClick={() => setSelectedId(null)}>
            {t('actors.close')}
          </button>
        </aside>
      )}
    </main>
  )
}
