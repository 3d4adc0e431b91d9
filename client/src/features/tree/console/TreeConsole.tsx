import { type Ack, type TischEvent, type TreeMethod, groupName } from '@tischrunde/shared'
import { useState } from 'react'
import '../../../i18n/tree-wording.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTreeGroups } from '../use-tree-groups.js'
import { selectTree, useTreeStore } from '../../../store/tree-store.js'
import { withQuery } from '../../../sync/links.js'
import { useTree } from '../../../sync/tree-hooks.js'
import '../tree.css'
import { TreeEditor } from './TreeEditor.js'
import { TreeImageLinks } from './TreeImageLinks.js'
import { TreeSetup } from './TreeSetup.js'
import { allObjectivesMessage, objectivesMessage } from './objectives-message.js'

/**
 * The console's part for the tree method: the groups, and for the open one the action that creates
 * (or extends) its objective tree, and the objectives with their problems and an "in scope" mark.
 * Loaded with a dynamic import, so only events that run the method load it.
 */
export default function TreeConsole(props: { event: TischEvent; token: string; projectorLink: string; send: (groupId: string) => Promise<Ack>; configure?: (method: TreeMethod) => Promise<Ack> }) {
  const { t } = useTranslation()
  const method = props.event.treeMethod!
  const groups = useTreeGroups(props.event.id, method, props.token)
  const [openId, setOpenId] = useState(groups[0]?.id ?? null)
  const [message, setMessage] = useState<string | null>(null)
  const docName = useTree({ eventId: props.event.id, groupId: openId, phase: 'objective', token: props.token, keepLocal: false })
  const problemDoc = useTree({ eventId: props.event.id, groupId: openId, phase: 'problem', token: props.token, keepLocal: false })
  const objectives = useTreeStore(selectTree(docName))
  const problems = useTreeStore(selectTree(problemDoc))
  const create = async () => {
    if (!openId) return
    setMessage(objectivesMessage(t, await props.send(openId)))
  }
  // Before the afternoon starts: every group's solution tree in one go (a group whose problem tree is empty gets none; its phones write a goal).
  const [creatingAll, setCreatingAll] = useState(false)
  const createAll = async () => {
    setCreatingAll(true)
    const results: { group: string; ack: Ack }[] = []
    for (const g of groups) results.push({ group: groupName(g), ack: await props.send(g.id) })
    setCreatingAll(false)
    setMessage(allObjectivesMessage(t, results))
  }
  const group = groups.find((g) => g.id === openId)
  const shownName = group ? groupName(group) : ''
  return (
    <section className="panel console-trees" aria-labelledby="trees-title">
      <h2 id="trees-title">{t('tree.groupsTitle', { attribute: method.attribute })}</h2>
      {props.configure && <TreeSetup event={props.event} onSave={props.configure} />}
      {method.phaseStations && (
        <p>
          {t('tree.phaseDriven', {
            problem: props.event.template.stations.find((s) => s.id === method.phaseStations?.problem)?.title ?? method.phaseStations.problem,
            objective: props.event.template.stations.find((s) => s.id === method.phaseStations?.objective)?.title ?? method.phaseStations.objective,
          })}
        </p>
      )}
      {groups.length > 1 && (
        <p>
          <button type="button" className="secondary" disabled={creatingAll} onClick={() => void createAll()}>
            {creatingAll ? t('tree.creatingAll') : t('tree.createObjectivesAll')}
          </button>
        </p>
      )}
      <div className="tree-groups" role="group" aria-label={method.attribute}>
        {groups.map((g) => (
          <button key={g.id} type="button" className="secondary" aria-pressed={g.id === openId} onClick={() => setOpenId(g.id)}>
            {groupName(g)}
          </button>
        ))}
      </div>
      {openId && (
        <>
          <p className="button-row">
            <button type="button" onClick={() => void create()}>
              {t('tree.createObjectives')}
            </button>
            <a className="button secondary" href={withQuery(props.projectorLink, 'group', openId)} target="_blank" rel="noreferrer">
              {t('tree.showOnProjector')}
            </a>
          </p>
          {message && <p role="status">{message}</p>}
          <TreeImageLinks
            eventId={props.event.id}
            token={props.token}
            groupId={openId}
            groupName={shownName}
            written={{ problem: problems.view.byId.size > 0, objective: objectives.view.byId.size > 0 }}
          />
          <h3 id={`tree-${openId}-problem`} data-jump="">
            {t('tree.problemTree')}
          </h3>
          <TreeEditor key={problemDoc ?? undefined} docName={problemDoc} phase="problem" view={problems.view} refused={problems.refused} label={t('tree.outline', { tree: t('tree.problemTree'), group: shownName })} />
          <h3 id={`tree-${openId}-objective`} data-jump="">
            {t('tree.objectiveTree')}
          </h3>
          <TreeEditor key={docName ?? undefined} docName={docName} phase="objective" view={objectives.view} refused={objectives.refused} problems={problems.view} label={t('tree.outline', { tree: t('tree.objectiveTree'), group: shownName })} />
        </>
      )}
    </section>
  )
}
