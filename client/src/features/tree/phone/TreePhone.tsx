import { type Ack, type TischEvent, type TreeNodeKind, type TreePhase, atDepthLimit, currentTreePhase, findGroup, groupName, nextChildOrder, rewordNode, treeOpen, treePhasePrompt } from '@tischrunde/shared'
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react'
import { errorText } from '../../../i18n/error-text.js'
import '../../../i18n/tree-wording.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'
import { type TreeDenial, selectTree, useTreeStore } from '../../../store/tree-store.js'
import { randomId } from '../../../sync/random-id.js'
import { keepTreeGroup, keepTreeValue, readTreeGroup, readTreeValue } from '../../../sync/tree-group-choice.js'
import { applyTreeEdit, putTreeNode, removeTreeNode, useTree } from '../../../sync/tree-hooks.js'
import '../tree.css'
import { TreeOutline } from '../TreeOutline.js'
import { AddNodeForm } from './AddNodeForm.js'
import { useFocusKeeper } from '../../../lib/use-focus-keeper.js'
import { useShownOffline } from '../../board/use-online.js'
import { NodeList } from '../NodeList.js'

/** Wait before a pick that did not reach the server is sent again, in ms. */
const JOIN_RETRY_MS = 3000

/** Sends the picked value to the server, which answers with the group it placed the participant in. */
export type JoinTreeGroup = (value: string) => Promise<Ack<{ groupId: string }>>

/**
 * The phone in an event that runs the tree method: pick the group's value (the server places the
 * participant in a group and opens them only its trees), then write into the group's tree of the
 * running phase: the problem tree in the morning, the objective tree in the afternoon.
 * Loaded with a dynamic import, so café-only phones never download it.
 */
export default function TreePhone(props: { header: (joined: boolean) => ReactNode; event: TischEvent; identity: { eventId: string; token: string; participantId: string }; join: JoinTreeGroup; actorsEntry?: ReactNode }) {
  const { t } = useTranslation()
  const method = props.event.treeMethod!
  const [value, setValue] = useState(() => readTreeValue(props.identity.eventId))
  const eventId = props.identity.eventId
  // The group from before (a reload, offline) opens at once; the server confirms or corrects it.
  const [groupId, setGroupId] = useState<string | null>(() => (value ? readTreeGroup(eventId) : null))
  const [error, setError] = useState<string | null>(null)
  const join = useRef(props.join)
  join.current = props.join
  // Bumped by every tap and by a retry after a network failure, so the same value is sent again.
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!value) return
    let live = true
    let retry: ReturnType<typeof setTimeout> | undefined
    void join.current(value).then((ack) => {
      if (!live) return
      if (ack.ok) {
        keepTreeGroup(eventId, ack.data.groupId)
        setGroupId(ack.data.groupId)
        setError(null)
      } else if (ack.code !== 'NETWORK') {
        keepTreeGroup(eventId, null)
        setGroupId(null)
        setError(errorText(t, ack))
      } else {
        setError(errorText(t, ack))
        retry = setTimeout(() => setAttempt((n) => n + 1), JOIN_RETRY_MS)
      }
    })
    return () => {
      live = false
      clearTimeout(retry)
    }
  }, [value, eventId, t, attempt])
  // "Gruppe wechseln" keeps the value left, so the choice shows it and offers the way back.
  const [left, setLeft] = useState<string | null>(null)
  // A tap that changes the screen (a group picked, "Gruppe wechseln") leaves the focus on a button
  // that is gone: the new screen's heading takes it, as the table choice's does.
  const picked = useRef(false)
  const pickHeading = useRef<HTMLHeadingElement>(null)
  useFocusWhenLost(pickHeading, left !== null && !value)
  const choose = (v: string | null) => {
    picked.current = v !== null
    setLeft(v === null ? value : null)
    keepTreeValue(eventId, v)
    keepTreeGroup(eventId, null)
    setGroupId(null)
    setError(null)
    setValue(v)
    setAttempt((n) => n + 1)
  }
  if (!value || !groupId)
    return (
      <main className="page phone">
        {props.header(false)}
        <h2 ref={pickHeading} tabIndex={-1}>
          {t('tree.pickGroup', { attribute: method.attribute })}
        </h2>
        <p>{t('tree.pickGroupHint')}</p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {value && !error && <p role="status">{t('tree.placing')}</p>}
        {left && !value && (
          <p>
            <button type="button" className="secondary" onClick={() => choose(left)}>
              {t('tree.backToGroup', { group: left })}
            </button>
          </p>
        )}
        <ul className="table-picker" aria-label={method.attribute}>
          {method.values.map((v) => (
            <li key={v}>
              <button type="button" className={`table-button${v === (value ?? left) ? ' table-button-current' : ''}`} aria-pressed={v === (value ?? left)} onClick={() => choose(v)}>
                {v}
              </button>
            </li>
          ))}
        </ul>
      </main>
    )
  return <GroupTree {...props} groupId={groupId} focusOnOpen={picked.current} onChangeGroup={() => choose(null)} />
}

/** Focuses `heading` when `when` turns true and the focus is nowhere (its control went away). */
function useFocusWhenLost(heading: RefObject<HTMLElement | null>, when: boolean): void {
  useEffect(() => {
    const active = document.activeElement
    if (when && (!active || active === document.body)) heading.current?.focus()
  }, [heading, when])
}

/** Why the tree cannot be written: the day has not begun, the phases are over, or the facilitator locked it. */
function lockedLine(phase: string | undefined): string {
  if (phase === 'before-start') return 'tree.startsSoon'
  if (phase === 'review' || phase === 'closed') return 'tree.finished'
  return 'tree.locked'
}

/** The tree will not open again: why, and the way on (another group, or the start with the event's code). */
function TreeDenied(props: { header: (joined: boolean) => ReactNode; denial: TreeDenial; onChangeGroup: () => void }) {
  const { t } = useTranslation()
  const pickAgain = props.denial === 'access' || props.denial === 'removed'
  return (
    <main className="page phone tree-phone">
      {props.header(false)}
      <p role="alert" className="field-error">
        {t(`tree.denied.${props.denial}`)}
      </p>
      {pickAgain ? (
        <button type="button" onClick={props.onChangeGroup}>
          {t('tree.denied.pickGroup')}
        </button>
      ) : (
        <p>
          <a href="/">{t('tree.denied.toStart')}</a>
        </p>
      )}
    </main>
  )
}

/** Brings a node just sent into view when the form that stays at the screen's foot covers it. */
function showAboveForm(nodeId: string): void {
  const node = document.querySelector(`[data-node-id="${CSS.escape(nodeId)}"] .tree-item`)
  const form = document.querySelector('.tree-add')
  if (node && form && node.getBoundingClientRect().bottom > form.getBoundingClientRect().top) node.scrollIntoView({ block: 'center' })
}

function GroupTree(props: { header: (joined: boolean) => ReactNode; event: TischEvent; identity: { eventId: string; token: string; participantId: string }; groupId: string; focusOnOpen: boolean; onChangeGroup: () => void; actorsEntry?: ReactNode }) {
  const keepFocus = useFocusKeeper<HTMLElement>()
  const { t } = useTranslation()
  const { identity } = props
  const treeHeading = useRef<HTMLHeadingElement>(null)
  useFocusWhenLost(treeHeading, props.focusOnOpen)
  const round = useTischStore((s) => s.round)
  const situation = round ? { event: props.event, round } : null
  const phase: TreePhase = (situation && currentTreePhase(situation)) ?? 'problem'
  const open = situation ? treeOpen(situation, phase) : true
  const docName = useTree({ eventId: identity.eventId, groupId: props.groupId, phase, token: identity.token, keepLocal: true })
  const tree = useTreeStore(selectTree(docName))
  // Opened without a network, the tree never sees a connection drop: it says offline as a board does.
  const offline = useShownOffline(tree.status)
  // In the afternoon the morning's problems stand beside the objectives that answer them.
  const problemDoc = useTree({ eventId: identity.eventId, groupId: phase === 'objective' ? props.groupId : null, phase: 'problem', token: identity.token, keepLocal: true })
  const problems = useTreeStore(selectTree(problemDoc))
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [removedSaid, setRemovedSaid] = useState('')
  const group = findGroup(props.event.treeMethod!, props.groupId)
  const shownName = group ? groupName(group) : props.groupId
  const nodes = tree.view.byId
  const core = tree.view.core?.node ?? null
  const parent = (selectedId ? nodes.get(selectedId) : undefined) ?? core
  const editing = editingId ? (nodes.get(editingId) ?? null) : null
  const treeName = t(phase === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree')
  // The phase's guiding question, as the facilitator set it up ("Welche Herausforderungen gibt es …?").
  const prompt = treePhasePrompt(props.event, phase)
  // A group whose morning left no problem tree gets none to build on: it writes its goal itself.
  const ownGoal = phase === 'objective' && !core && problems.status === 'synced' && problems.view.byId.size === 0
  const answered = editing?.answersProblemId ? problems.view.byId.get(editing.answersProblemId) : undefined
  // Refused for good (the tree no longer reconnects): say why and what to do instead.
  if (tree.status === 'denied') return <TreeDenied header={props.header} denial={tree.denied ?? 'access'} onChangeGroup={props.onChangeGroup} />

  const add = (kind: TreeNodeKind, text: string) => {
    if (!docName) return false
    const parentId = kind === 'core' || kind === 'goal' ? null : (parent?.id ?? null)
    const id = randomId()
    const ok = putTreeNode(docName, { id, kind, parentId, order: nextChildOrder(nodes, parentId), text, authorId: identity.participantId, createdAt: Date.now() })
    if (ok && (kind === 'core' || kind === 'goal')) setSelectedId(id)
    if (ok) setTimeout(() => showAboveForm(id), 0)
    return ok
  }
  // Back from editing, the focus goes to the entry's own "Bearbeiten" (or its place in the tree).
  const endEdit = (nodeId: string) => {
    setEditingId(null)
    const item = `[data-node-id="${CSS.escape(nodeId)}"]`
    setTimeout(() => (document.querySelector<HTMLElement>(`${item} .tree-edit`) ?? document.querySelector<HTMLElement>(`${item} .tree-pick`))?.focus(), 0)
  }
  const save = (text: string) => {
    if (!docName || !editing) return false
    // Rewording an objective ends its placeholder: it is the group's own positive wording now.
    const reworded = rewordNode(phase, nodes, editing.id, text)
    const ok = reworded.ok && applyTreeEdit(docName, reworded.edit)
    if (ok) endEdit(editing.id)
    return ok
  }
  // One's own entry with nothing under it may go (the rules let a participant delete only their own).
  const deletable = editing !== null && editing.authorId === identity.participantId && ![...nodes.values()].some((n) => n.parentId === editing.id)
  const remove = () => {
    if (!docName || !editing) return
    removeTreeNode(docName, editing.id)
    setEditingId(null)
    setSelectedId(editing.parentId)
    setRemovedSaid(t('tree.deletedSaid'))
    setTimeout(() => treeHeading.current?.focus(), 0)
  }
  return (
    <main className="page phone tree-phone" ref={keepFocus}>
      {props.header(true)}
      <p>
        {t('tree.yourGroup', { group: shownName })}{' '}
        {/* Once the day is over there is no tree left to write at: no group to change to. */}
        {round?.phase !== 'review' && round?.phase !== 'closed' && (
          <button type="button" className="secondary" onClick={props.onChangeGroup}>
            {t('tree.changeGroup')}
          </button>
        )}
      </p>
      <h2 ref={treeHeading} tabIndex={-1}>
        {treeName}
      </h2>
      {prompt && <p className="tree-prompt">{prompt}</p>}
      {/* Rewording needs something to reword: an empty tree says what to write first instead (below). */}
      {phase === 'objective' && open && (core || tree.view.loose.length > 0) && (
        <p>
          {t('tree.objectiveHint')} {t('tree.meansHint')}
        </p>
      )}
      {!open && <p role="status">{t(lockedLine(round?.phase), { tree: t(phase === 'problem' ? 'tree.problemTreeInSentence' : 'tree.objectiveTreeInSentence') })}</p>}
      {offline && (
        <p role="status" className="tree-offline">
          {t('tree.offline')}
        </p>
      )}
      {tree.refused && (
        <div role="alert" className="field-error tree-refused">
          <p>{t(tree.refused === 'TREE_CONFLICT' ? 'tree.conflict' : tree.refused === 'TOO_MANY_CARDS' ? 'tree.tooMany' : 'tree.refused')}</p>
          {tree.refusedTexts.length > 0 && (
            <>
              <p>{t('tree.yourText')}</p>
              <ul>
                {tree.refusedTexts.map((text, i) => (
                  <li key={i}>
                    <q>{text}</q>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {!core && tree.view.loose.length === 0 && <p>{t(phase === 'objective' ? (ownGoal ? 'tree.emptyObjectivesOwn' : 'tree.emptyObjectives') : open ? 'tree.empty' : 'tree.emptyLocked')}</p>}
      <TreeOutline
        view={tree.view}
        label={t('tree.outline', { tree: treeName, group: shownName })}
        selectedId={parent?.id ?? null}
        onSelect={(id) => {
          setSelectedId(id)
          setEditingId(null)
        }}
        mayEdit={(item) => open && (phase === 'objective' || item.node.authorId === identity.participantId)}
        onEdit={setEditingId}
        note={(item) => {
          // A reworded objective keeps the morning's problem in view (the console shows it too).
          const problem = phase === 'objective' && !item.node.placeholder && item.node.answersProblemId ? problems.view.byId.get(item.node.answersProblemId) : undefined
          return problem && problem.text !== item.node.text ? <p className="muted tree-problem-was">{t('tree.answers', { text: problem.text })}</p> : null
        }}
        below={(item) =>
          // The chosen means' measures and helpers, right under it: the group adds them here, as on the wall's cards beside it.
          open && phase === 'objective' && item.node.kind === 'means' && item.node.id === parent?.id && docName && !editing ? (
            <section className="tree-means-phone" aria-label={t('tree.meansOf', { text: item.node.text })}>
              <NodeList docName={docName} node={item.node} field="measures" title={t('tree.measures')} />
              <NodeList docName={docName} node={item.node} field="helpers" title={t('tree.helpers')} />
            </section>
          ) : null
        }
      />
      {answered && <p className="muted">{t('tree.answers', { text: answered.text })}</p>}
      <p role="status" className="visually-hidden">
        {removedSaid}
      </p>
      {open && (phase === 'problem' || core || ownGoal) && (
        <AddNodeForm
          key={editingId ?? 'new'}
          // In the afternoon rewording comes first: the form for a new objective follows the tree instead of covering its lower half.
          docked={phase === 'problem' || editing !== null}
          phase={phase}
          parent={parent}
          deepest={parent ? atDepthLimit(nodes, parent.id) : false}
          hasCore={core !== null}
          editing={editing}
          rescued={tree.refusedTexts.join('\n') || null}
          draftKey={docName ?? undefined}
          onAdd={add}
          onSave={save}
          onCancelEdit={() => editing && endEdit(editing.id)}
          onDelete={deletable ? remove : undefined}
          unsent={tree.status !== 'synced'}
        />
      )}
      {/* The solution tree names helpers: the actor map all groups' helpers make. */}
      {phase === 'objective' && props.actorsEntry}
    </main>
  )
}
