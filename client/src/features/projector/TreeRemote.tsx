import { ActingSelect } from '../../app/ActingSelect.js'
import { type ProjectorDisplay, type ProjectorView, type RoundState, type TischEvent, type TreePhase, currentTreePhase, groupName } from '@tischrunde/shared'
import '../../i18n/tree-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTreeGroups } from '../tree/use-tree-groups.js'
import { RemoteViews } from './RemoteViews.js'

/** What the projector of a tree day obeys: its trees (view "table"), the join screen, or the actor map of the solution trees' helpers. */
const TREE_VIEWS: readonly ProjectorView[] = ['table', 'join', 'actors']
const PHASES: readonly TreePhase[] = ['problem', 'objective']

/**
 * "Beamer steuern" on a tree day: the trees or the join screen, and which group's tree (problem or
 * solution) the projectors show. Until the console chooses a group, each projector keeps the one it
 * shows; its own buttons and arrow keys still switch, and the console's next choice wins again.
 */
export function TreeRemote(props: { event: TischEvent; round: RoundState; token: string; display: ProjectorDisplay; show: (display: ProjectorDisplay) => void }) {
  const { event, display, show } = props
  const { t } = useTranslation()
  const groups = useTreeGroups(event.id, event.treeMethod!, props.token)
  const language = display.language ? { language: display.language } : {}
  const tree = display.tree
  const phase: TreePhase = tree?.phase ?? currentTreePhase({ event, round: props.round }) ?? 'problem'
  const showTree = (groupId: string, next: TreePhase) => show({ view: 'table', tableId: null, station: null, spotlight: null, tree: { groupId, phase: next }, ...language })
  return (
    <>
      <RemoteViews
        views={TREE_VIEWS}
        current={display.view}
        label={(view) => t(view === 'table' ? 'remote.trees' : `remote.${view}`)}
        // The actor map's command keeps the tree chosen: a projector back from the map shows it again.
        onShow={(view) => show({ view, tableId: null, station: null, spotlight: null, ...(view !== 'join' && tree ? { tree } : {}), ...language })}
      />
      <p>
        <label htmlFor="remote-group">{t('remote.whichGroup')}</label>{' '}
        <ActingSelect id="remote-group" value={tree?.groupId ?? ''} onAct={(chosen) => chosen && showTree(chosen, phase)}>
          {!tree && <option value="">–</option>}
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {groupName(g)}
            </option>
          ))}
        </ActingSelect>
      </p>
      <div className="button-row" role="group" aria-label={t('remote.whichTree')}>
        {PHASES.map((p) => (
          <button key={p} type="button" className={tree?.phase === p ? 'primary' : 'secondary'} aria-pressed={tree?.phase === p} onClick={() => showTree(tree?.groupId ?? groups[0]!.id, p)}>
            {t(p === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree')}
          </button>
        ))}
      </div>
      <p className="muted">{t('remote.treesHint')}</p>
    </>
  )
}
