import { ACTOR_AREAS, type Ack, type ActorArea, type ActorBody, type ActorRecord, BODY_TYPES, type Template, type TreeMethod, actorColumns, actorSources, groupOfPlace, placeName, suggestMerges, tablesOf, withPerson } from '@tischrunde/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import '../../i18n/actors-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { errorText } from '../../i18n/error-text.js'
import { withQuery } from '../../sync/links.js'
import { randomId } from '../../sync/random-id.js'
import { useActorMap, writeActorMap } from '../../sync/actor-map-hooks.js'
import { mergeSelected, newActor, splitActor } from './actor-edits.js'
import { actorRefusalText } from './actor-refusal.js'
import { areaLabel } from './area-label.js'
import { ActorExportButtons } from './ActorExportButtons.js'
import { TextCell } from './TextCell.js'
import './actors.css'

type SortKey = 'name' | 'area' | 'tables'
type Check = 'cooperation' | 'coreGroup' | 'forum'
const CHECKS: readonly Check[] = ['cooperation', 'coreGroup', 'forum']

/**
 * The console's actor table (seed 002's alliance table, filled from the cards): sort, filter by
 * area, merge, rename, sort into areas, tick the check marks, note contacts; plus the table of
 * existing bodies. Every edit goes live to projectors and phones. On a tree day the actors come
 * from the groups' solution trees ("Wer kann helfen?" under their objectives) instead of cards.
 */
export default function ActorConsole(props: { eventId: string; token: string; tables: readonly { id: string; name: string }[]; treeMethod?: TreeMethod; template: Template; projectorLink: string; refresh(): Promise<Ack> }) {
  const { eventId, token, tables, treeMethod, template, projectorLink, refresh } = props
  const { t } = useTranslation()
  const sources = actorSources({ tables, treeMethod })
  // Tables' wording where the event has tables; the trees' where it has only groups.
  const treesOnly = sources.trees && !sources.tables
  // The columns this event reads actors from, by their own titles (not a column the event does not have).
  const emptyText = () => {
    if (treesOnly) return t('actors.emptyTrees')
    const chosen = actorColumns(template, map.columnChoices)
    const titles = template.stations.flatMap((st) => st.columns.filter((c) => chosen.has(`${st.id}/${c.id}`)).map((c) => t('common.quoted', { text: c.title })))
    return titles.length > 0 ? t('actors.empty', { columns: [...new Set(titles)].join(', ') }) : t('actors.emptyNoColumns')
  }
  const map = useActorMap(eventId, token)
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'area', up: true })
  const [area, setArea] = useState<ActorArea | ''>('')
  const [showHidden, setShowHidden] = useState(false)
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [newName, setNewName] = useState('')
  // Opening the console reads the cards written since the last time (hand decisions stay), once
  // the map has arrived (the command socket is up by then).
  const refreshed = useRef(false)
  const refreshNow = useRef(refresh)
  refreshNow.current = refresh
  useEffect(() => {
    if (map.status !== 'synced' || refreshed.current) return
    refreshed.current = true
    void refreshNow.current()
  }, [map.status])
  const placeOf = useMemo(() => (id: string) => placeName({ tables, treeMethod }, id), [tables, treeMethod])
  const byId = useMemo(() => new Map(map.actors.map((a) => [a.id, a])), [map.actors])

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase()
    const rows = map.actors.filter((a) => (showHidden || !a.hidden) && (!area || a.area === area) && (!q || a.name.toLowerCase().includes(q) || a.mentions.some((m) => m.text.toLowerCase().includes(q))))
    const order = (a: ActorRecord, b: ActorRecord) => {
      if (sort.key === 'tables') return tablesOf(b).length - tablesOf(a).length || a.name.localeCompare(b.name, 'de')
      if (sort.key === 'area') return ACTOR_AREAS.indexOf(a.area) - ACTOR_AREAS.indexOf(b.area) || a.name.localeCompare(b.name, 'de')
      return a.name.localeCompare(b.name, 'de')
    }
    const sorted = rows.sort(order)
    return sort.up ? sorted : sorted.reverse()
  }, [map.actors, showHidden, area, query, sort])
  const suggestions = useMemo(() => suggestMerges(map.actors.filter((a) => !a.hidden), 5), [map.actors])

  const put = (actor: ActorRecord) => writeActorMap(eventId, { put: [actor] })
  const merge = (ids: readonly string[]) => {
    const change = mergeSelected(byId, ids, map.rules)
    if (!change) return
    writeActorMap(eventId, change)
    setMessage(t('actors.merged', { from: ids.slice(1).map((id) => byId.get(id)?.name ?? id).join(', '), into: change.put[0]!.name }))
    setSelected([])
  }
  const toggleSelected = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  const sortButton = (key: SortKey, label: string) => (
    // Named by its column alone: the column header takes the button's name, and each cell is read with it
    // ("Nach „Akteur“ sortieren: Jobcenter"). The order is the header's aria-sort; the hint a tooltip.
    <button type="button" className="link-button" title={t('actors.sortBy', { column: label })} onClick={() => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}>
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}</span>
    </button>
  )
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none')

  const putBody = (body: ActorBody) => writeActorMap(eventId, { bodies: [body] })

  return (
    <section className="panel actor-console" aria-labelledby="actors-title">
      <h2 id="actors-title">{t('actors.title')}</h2>
      <p className="muted">{t(treesOnly ? 'actors.introTrees' : sources.trees ? 'actors.introBoth' : 'actors.intro')}</p>
      <div className="actor-toolbar">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void refresh().then((ack) => {
              setMessage(ack.ok ? t(treesOnly ? 'actors.refreshedTrees' : 'actors.refreshed') : errorText(t, ack))
            })
          }
        >
          {t(treesOnly ? 'actors.refreshTrees' : 'actors.refresh')}
        </button>
        <a className="button secondary" href={withQuery(projectorLink, 'mode', 'actors')} target="_blank" rel="noreferrer">
          {t('actors.projector')}
        </a>
        <ActorExportButtons eventId={eventId} token={token} />
      </div>
      {map.status === 'offline' && <p className="banner banner-offline">{t('actors.offline')}</p>}
      {map.refused && <p className="field-error" role="alert">{actorRefusalText(t, map.refused)}</p>}
      <p role="status" className="actor-message">
        {message}
      </p>
      <div className="actor-filters">
        <label>
          {t('actors.filterArea')}{' '}
          <select value={area} onChange={(e) => setArea(e.target.value as ActorArea | '')}>
            <option value="">{t('actors.allAreas')}</option>
            {ACTOR_AREAS.map((a) => (
              <option key={a} value={a}>
                {areaLabel(t, map.areaNames, a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actors.search')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> {t('actors.showHidden')}
        </label>
        <span className="muted">{t('actors.count', { shown: shown.length, total: map.actors.length, count: map.actors.length })}</span>
      </div>
      <div className="actor-merge">
        <button type="button" className="secondary" disabled={selected.length < 2} onClick={() => merge(selected)}>
          {t('actors.merge')}
        </button>
        <span className="muted">{t('actors.mergeHint')}</span>
      </div>
      {suggestions.length > 0 && (
        <div className="actor-suggestions">
          <strong>{t('actors.suggestions')}:</strong>{' '}
          {suggestions.map((s) => {
            const a = byId.get(s.a)!
            const b = byId.get(s.b)!
            return (
              <button key={`${s.a}/${s.b}`} type="button" className="secondary small" onClick={() => merge([s.a, s.b])}>
                {t('actors.suggestMerge', { a: a.name, b: b.name })}
              </button>
            )
          })}
        </div>
      )}
      {map.actors.length === 0 && map.status === 'synced' ? (
        <p>{emptyText()}</p>
      ) : (
        <div className="actor-table-wrap">
          <table className="actor-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('actors.col.select')}</span>
                </th>
                <th scope="col" aria-sort={ariaSort('name')}>
                  {sortButton('name', t('actors.col.name'))}
                </th>
                <th scope="col" aria-sort={ariaSort('area')}>
                  {sortButton('area', t('actors.col.area'))}
                </th>
                <th scope="col" aria-sort={ariaSort('tables')}>
                  {sortButton('tables', t(treesOnly ? 'actors.col.groups' : sources.trees ? 'actors.col.places' : 'actors.col.tables'))}
                </th>
                <th scope="col">{t('actors.col.institution')}</th>
                <th scope="col">
                  {t('actors.col.person')} <span title={t('actors.personNote')} aria-label={t('actors.personNote')}>⚠</span>
                </th>
                {CHECKS.map((c) => (
                  <th key={c} scope="col">
                    {t(`actors.col.${c}`)}
                  </th>
                ))}
                <th scope="col">{t('actors.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((actor) => (
                <tr key={actor.id} data-actor={actor.id} className={actor.hidden ? 'actor-hidden' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={t('actors.select', { name: actor.name })} checked={selected.includes(actor.id)} onChange={() => toggleSelected(actor.id)} />
                  </td>
                  <td className="actor-name-cell">
                    <TextCell value={actor.name} label={t('actors.rename', { name: actor.name })} max={120} onCommit={(name) => name.trim() && put({ ...actor, name: name.trim(), hand: { ...actor.hand, name: true } })} />
                    <details>
                      <summary>{t('actors.mentions', { count: actor.mentions.length })}</summary>
                      <ul className="actor-mentions">
                        {actor.mentions.map((m, i) => (
                          <li key={i}>
                            <strong>{placeOf(m.tableId)}</strong>: {t('common.quoted', { text: m.text })}
                            {m.measures.length > 0 && (
                              <span className="muted">
                                {' · '}
                                {groupOfPlace(m.tableId) === null ? t('actors.measures', { list: m.measures.map((r) => r.n).join(', ') }) : t('actors.forObjectives', { list: m.measures.map((r) => t('common.quoted', { text: r.text })).join(', ') })}
                              </span>
                            )}
                            {actor.keys.length > 1 && (
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => {
                                  const change = splitActor(actor, m.key, new Set(byId.keys()))
                                  if (change) writeActorMap(eventId, change)
                                }}
                              >
                                {t('actors.split', { text: m.text })}
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t(actor.hidden ? 'actors.showLabel' : 'actors.hideLabel', { name: actor.name })}
                        onClick={() => put({ ...actor, hidden: !actor.hidden, hand: { ...actor.hand, hidden: true } })}
                      >
                        {actor.hidden ? t('actors.show') : t('actors.hide')}
                      </button>
                    </details>
                  </td>
                  <td className="actor-area-cell">
                    <select aria-label={t('actors.areaOf', { name: actor.name })} value={actor.area} onChange={(e) => put({ ...actor, area: e.target.value as ActorArea, hand: { ...actor.hand, area: true } })}>
                      {ACTOR_AREAS.map((a) => (
                        <option key={a} value={a}>
                          {areaLabel(t, map.areaNames, a)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td title={tablesOf(actor).map((id) => placeOf(id)).join(', ')}>{tablesOf(actor).length}</td>
                  <td>
                    <TextCell value={actor.institution} label={`${t('actors.col.institution')}: ${actor.name}`} max={200} onCommit={(institution) => put({ ...actor, institution })} />
                  </td>
                  <td>
                    <TextCell value={actor.person} label={`${t('actors.col.person')}: ${actor.name}`} max={200} onCommit={(person) => put(withPerson(actor, person))} />
                  </td>
                  {CHECKS.map((c) => (
                    <td key={c} className="actor-check">
                      <input type="checkbox" aria-label={`${t(`actors.col.${c}`)}: ${actor.name}`} checked={actor[c]} onChange={(e) => put({ ...actor, [c]: e.target.checked })} />
                    </td>
                  ))}
                  <td>
                    <TextCell multiline value={actor.notes} label={`${t('actors.col.notes')}: ${actor.name}`} max={1000} onCommit={(notes) => put({ ...actor, notes })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="actor-add"
        onSubmit={(e) => {
          e.preventDefault()
          const actor = newActor(newName, area || 'offen', new Set(byId.keys()))
          if (!actor) return
          put(actor)
          setNewName('')
        }}
      >
        <label>
          {t('actors.addName')} <input type="text" value={newName} maxLength={120} onChange={(e) => setNewName(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('actors.add')}
        </button>
      </form>
      {sources.tables && (
      <details className="actor-columns-choice">
        <summary>{t('actors.columns')}</summary>
        <p className="muted">{t('actors.columnsHint')}</p>
        {template.stations.map((station) =>
          station.columns.map((column) => {
            const id = `${station.id}/${column.id}`
            const on = actorColumns(template, map.columnChoices).has(id)
            return (
              <label key={id} className="actor-column-choice">
                <input type="checkbox" checked={on} onChange={(e) => writeActorMap(eventId, { columns: [{ id, on: e.target.checked }] })} /> {station.title}: {column.title}
              </label>
            )
          }),
        )}
      </details>
      )}
      <details className="actor-area-names">
        <summary>{t('actors.areaNames')}</summary>
        {ACTOR_AREAS.map((a) => (
          <label key={a}>
            {t('actors.areaName', { area: t(`actors.areas.${a}`) })}{' '}
            <TextCell value={areaLabel(t, map.areaNames, a)} label={t('actors.areaName', { area: t(`actors.areas.${a}`) })} max={80} onCommit={(name) => name.trim() && writeActorMap(eventId, { areas: [{ id: a, name: name.trim() }] })} />
          </label>
        ))}
      </details>
      <h3>{t('actors.bodies.title')}</h3>
      {map.bodies.length === 0 ? (
        <p className="muted">{t('actors.bodies.empty')}</p>
      ) : (
        <table className="actor-table actor-bodies">
          <thead>
            <tr>
              <th scope="col">{t('actors.bodies.type')}</th>
              <th scope="col">{t('actors.bodies.name')}</th>
              <th scope="col">{t('actors.bodies.members')}</th>
              <th scope="col">{t('actors.bodies.notes')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('actors.bodies.remove', { name: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {map.bodies.map((body) => (
              <tr key={body.id}>
                <td>
                  <select aria-label={`${t('actors.bodies.type')}: ${body.name}`} value={body.type} onChange={(e) => putBody({ ...body, type: e.target.value as ActorBody['type'] })}>
                    {BODY_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`actors.bodies.types.${type}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <TextCell value={body.name} label={t('actors.bodies.name')} max={200} onCommit={(name) => name.trim() && putBody({ ...body, name: name.trim() })} />
                </td>
                <td>
                  <TextCell value={body.members} label={`${t('actors.bodies.members')}: ${body.name}`} max={500} onCommit={(members) => putBody({ ...body, members })} />
                </td>
                <td>
                  <TextCell multiline value={body.notes} label={`${t('actors.bodies.notes')}: ${body.name}`} max={1000} onCommit={(notes) => putBody({ ...body, notes })} />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => writeActorMap(eventId, { removeBodies: [body.id] })}>
                    {t('actors.bodies.remove', { name: body.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="secondary" onClick={() => putBody({ id: randomId(), type: 'gremium', name: t('actors.bodies.types.gremium'), members: '', notes: '' })}>
        {t('actors.bodies.add')}
      </button>
    </section>
  )
}
