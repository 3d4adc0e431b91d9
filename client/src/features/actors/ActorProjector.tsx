import { ACTOR_AREAS, type ActorRecord, MAIN_AREAS, type TreeMethod, isTreeDay, measuresOf, placeName, tablesOf } from '@tischrunde/shared'
import { useMemo, useState } from 'react'
import '../../i18n/actors-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useActorMap } from '../../sync/actor-map-hooks.js'
import { hyphenateDe, useHyphenation } from '../projector/hyphenate.js'
import { ProjectorToolbar } from '../projector/ProjectorToolbar.js'
import { useFullscreen } from '../projector/use-fullscreen.js'
import { useProjectorKeys } from '../projector/use-projector-keys.js'
import { areaLabel } from './area-label.js'
import { useActorFit } from './use-actor-fit.js'
import { useLeaveActorView } from './use-actor-view.js'
import './actors.css'

/** Chip size steps by how many tables named an actor. */
function sizeOf(actor: ActorRecord): 's' | 'm' | 'l' | 'xl' {
  const n = tablesOf(actor).length
  return n >= 4 ? 'xl' : n === 3 ? 'l' : n === 2 ? 'm' : 's'
}

/**
 * A column's share of the width: the square root of how much text its chips hold (a few letters
 * for the count and the chip's rim each), at least that of two short chips. Columns of about equal
 * area then end at about the same height.
 */
function columnWeight(actors: readonly ActorRecord[]): number {
  return Math.sqrt(Math.max(40, actors.reduce((sum, a) => sum + a.name.length + 6, 0)))
}

/** Most-named first, then by name. */
function byMentions(a: ActorRecord, b: ActorRecord): number {
  return tablesOf(b).length - tablesOf(a).length || a.name.localeCompare(b.name, 'de')
}

/**
 * The projector's actor map: the four areas of a local alliance as columns (the rest after them),
 * actor chips sized by how many tables named them, marks for core group, forum and cooperation,
 * and one actor's detail (which tables, which measures) on selection. Read-only, live. A column
 * with more actors is wider (by the square root of its chips' text), so the columns end at about the
 * same height and the type stays large; the bar at the foot (and keys 1–4) lead back to the boards.
 */
export default function ActorProjector({ event, token }: { event: { id: string; title: string; tables: readonly { id: string; name: string }[]; treeMethod?: TreeMethod }; token: string }) {
  const { t } = useTranslation()
  const map = useActorMap(event.id, token, 'shown')
  // Long names ("Migrantenorganisationen") break at syllables inside their chip, not mid-syllable.
  const hyphenated = useHyphenation()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const visible = useMemo(() => map.actors.filter((a) => !a.hidden), [map.actors])
  const areas = useMemo(() => [...MAIN_AREAS, ...ACTOR_AREAS.filter((a) => !MAIN_AREAS.includes(a) && visible.some((v) => v.area === a))], [visible])
  const byArea = useMemo(() => new Map(areas.map((area) => [area, visible.filter((a) => a.area === area).sort(byMentions)])), [areas, visible])
  const layout = useMemo(() => `${hyphenated}|${visible.map((a) => `${a.id}:${a.area}:${a.name}:${tablesOf(a).length}`).join('|')}`, [hyphenated, visible])
  const [box, fit] = useActorFit(layout)
  const selected = visible.find((a) => a.id === selectedId) ?? null
  const [fullscreen, toggleFullscreen] = useFullscreen()
  const showView = useLeaveActorView()
  const treeDay = isTreeDay(event)
  useProjectorKeys((action) => {
    if (action.type === 'mode') showView(action.mode)
    else if (action.type === 'fullscreen') toggleFullscreen()
    else if (action.type === 'close') setSelectedId(null)
  })
  const columns = areas.map((area) => `minmax(0, ${columnWeight(byArea.get(area) ?? []).toFixed(2)}fr)`).join(' ')

  return (
    <main className="page projector actor-projector" style={{ '--actor-scale': fit.scale } as React.CSSProperties}>
      <header className="actor-projector-head">
        <h1>{t('actors.projectorTitle')}</h1>
        <p className="muted">
          {event.title}
          {/* The bare number on each chip, said once for the hall (a screen reader hears it on each chip). */}
          {visible.length > 0 && <span aria-hidden="true"> · {t(treeDay ? 'actors.countLegendTree' : 'actors.countLegend')}</span>}
        </p>
      </header>
      {map.status === 'offline' && <p className="banner banner-offline">{t('actors.offline')}</p>}
      {visible.length === 0 && map.status === 'synced' && <p>{t('actors.emptyShown')}</p>}
      <div ref={box} className="actor-columns" style={{ gridTemplateColumns: columns }}>
        {areas.map((area) => {
          const actors = byArea.get(area) ?? []
          const shown = fit.shown?.[area] ?? actors.length
          return (
            <section key={area} className={`actor-column actor-area-${area}`} aria-labelledby={`area-${area}`} data-area={area}>
              <h2 id={`area-${area}`}>{areaLabel(t, map.areaNames, area)}</h2>
              <ul>
                {actors.slice(0, shown).map((actor) => (
                  <li key={actor.id}>
                    <ActorChip actor={actor} treeDay={treeDay} selected={actor.id === selectedId} onSelect={() => setSelectedId(actor.id === selectedId ? null : actor.id)} />
                  </li>
                ))}
                {shown < actors.length && <li className="actor-more">{t('actors.more', { count: actors.length - shown })}</li>}
              </ul>
            </section>
          )
        })}
      </div>
      {selected && (
        <aside className="actor-detail" aria-labelledby="actor-detail-title">
          <h2 id="actor-detail-title">{selected.name}</h2>
          <p className="muted">{areaLabel(t, map.areaNames, selected.area)}</p>
          {/* The map names an actor once ("Jobcenter"); the tables' own words stay findable ("Jobcenter Bremen"). */}
          {wordsOf(selected).length > 0 && <p>{t('actors.namedAs', { list: wordsOf(selected).join(' · ') })}</p>}
          <h3>{t('actors.details')}</h3>
          <ul>
            {tablesOf(selected).map((id) => {
              const measures = measuresOf(selected).get(id)
              return (
                <li key={id}>
                  <strong>{placeName(event, id)}</strong>
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
      <ProjectorToolbar
        mode={null}
        onMode={showView}
        fullscreen={fullscreen}
        onFullscreen={toggleFullscreen}
        note={t('actors.projectorHint')}
        // A day of trees has no tables, no wall, no review: its one way back is to the trees.
        backToTrees={treeDay ? { label: t('actors.backToTrees'), show: () => showView('table') } : undefined}
      />
    </main>
  )
}

/** How the cards named an actor, where that differs from its name on the map. */
function wordsOf(actor: ActorRecord): string[] {
  return [...new Set(actor.mentions.map((m) => m.text.trim()))].filter((text) => text && text !== actor.name)
}

/** One actor on the map: its name, how many tables named it, and its marks. */
function ActorChip({ actor, treeDay, selected, onSelect }: { actor: ActorRecord; treeDay: boolean; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation()
  const mentions = tablesOf(actor).length
  return (
    <button type="button" className={`actor-chip actor-chip-${sizeOf(actor)}${selected ? ' selected' : ''}`} data-actor={actor.id} aria-pressed={selected} onClick={onSelect}>
      {/* The marks stand under the name, each one word: beside it they squeezed a narrow column's name ("Job-cen-ter") and wrapped themselves ("Kerng-ruppe"). */}
      <span className="actor-chip-main">
        <span className="actor-chip-name">{hyphenateDe(actor.name)}</span>
        {(actor.coreGroup || actor.forum || actor.cooperation) && (
          <span className="actor-badges">
            {actor.coreGroup && <span className="actor-badge actor-badge-core">{t('actors.coreBadge')}</span>}
            {actor.forum && <span className="actor-badge">{t('actors.forumBadge')}</span>}
            {actor.cooperation && <span className="actor-badge">{t('actors.cooperationBadge')}</span>}
          </span>
        )}
      </span>
      <span className="actor-chip-count" aria-label={t(treeDay ? 'actors.namedInGroups' : 'actors.namedAt', { count: mentions })}>
        {mentions}
      </span>
    </button>
  )
}
