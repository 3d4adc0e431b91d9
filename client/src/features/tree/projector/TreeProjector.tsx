import { type TischEvent, type TreeGroup, type TreePhase, currentTreePhase, groupName, treePhasePrompt } from '@tischrunde/shared'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import '../../../i18n/tree-wording.js'
import { useTranslation } from '../../../i18n/index.js'
import { useTischStore } from '../../../store/index.js'
import { selectTree, useTreeStore } from '../../../store/tree-store.js'
import { useTree } from '../../../sync/tree-hooks.js'
import { JoinScreen } from '../../projector/JoinCorner.js'
import { RoundTimer } from '../../rounds/RoundTimer.js'
import { ShortcutsOverlay } from '../../projector/ShortcutsOverlay.js'
import { TREE_SHORTCUT_LIST } from '../../projector/shortcuts.js'
import { useFullscreen } from '../../projector/use-fullscreen.js'
import '../tree.css'
import { TreeDiagram } from './TreeDiagram.js'
import { TreeMeasures } from './TreeMeasures.js'
import { useTreeGroups } from '../use-tree-groups.js'
import { isTypingTarget } from '../../../lib/typing-target.js'
import { useLeaveActorView } from '../../actors/use-actor-view.js'

/** Keys that switch the shown group on the projector: ← and → (or PageUp/PageDown of a presenter). */
const PREVIOUS = new Set(['ArrowLeft', 'PageUp'])
const NEXT = new Set(['ArrowRight', 'PageDown'])

const nameOf = groupName

/**
 * The projector in an event that runs the tree method: one group's tree drawn live, full screen,
 * or two groups side by side to compare; the group is switched with buttons or the arrow keys.
 * Loaded with a dynamic import.
 */
export default function TreeProjector(props: { event: TischEvent; token: string }) {
  const { t } = useTranslation()
  const compareId = useId()
  const groups = useTreeGroups(props.event.id, props.event.treeMethod!, props.token)
  const params = new URLSearchParams(window.location.search)
  // Back from the actor map: the tree the console chose before it (the command that showed the map carries it).
  const toldTree = useTischStore.getState().projectorDisplay?.display.tree
  // The group shown is kept by its id: groups B, C, … of a value appear between the others as they form.
  const [shownId, setShownId] = useState<string | null>(() => params.get('group') ?? toldTree?.groupId ?? null)
  const index = Math.max(0, groups.findIndex((g) => g.id === shownId))
  const setIndex = useCallback(
    (next: number | ((i: number) => number)) =>
      setShownId((id) => {
        const at = Math.max(0, groups.findIndex((g) => g.id === id))
        return groups[typeof next === 'function' ? next(at) : next]?.id ?? null
      }),
    [groups],
  )
  const [other, setOther] = useState<string>(() => (groups.some((g) => g.id === params.get('compare')) ? params.get('compare')! : ''))
  // The tree of the running phase (morning: problem, afternoon: objective) unless one was chosen here.
  const [chosen, setPhase] = useState<TreePhase | null>(() => (params.get('phase') === 'objective' ? 'objective' : params.get('phase') === 'problem' ? 'problem' : (toldTree?.phase ?? null)))
  const round = useTischStore((s) => s.round)
  const running = round ? currentTreePhase({ event: props.event, round }) : null
  const phase: TreePhase = chosen ?? running ?? 'problem'
  // A tree chosen in the morning (here or by the console) is no choice for the afternoon: when the
  // day moves to its other tree, the projector shows the running one again.
  const lastRunning = useRef(running)
  useEffect(() => {
    if (lastRunning.current !== null && running !== null && lastRunning.current !== running) setPhase(null)
    lastRunning.current = running
  }, [running])
  // The solution trees are offered once the day reached them (in the morning they are empty); a day
  // whose stations do not drive the trees offers both throughout.
  const objectiveReached = running !== 'problem' || round?.phase === 'review' || round?.phase === 'closed'
  // "Mitmachen" (or key 4) shows the join code and QR code large; 1 or Esc returns to the tree.
  // Before the day starts the hall sees how to join (an empty tree told nobody anything); the first
  // phase brings the tree. A projector opened for one group (`?group=`) shows its tree at once.
  // Back from the actor map, its key or button says which: 1 the trees, 4 the join screen.
  const [joining, setJoining] = useState(() => params.get('mode') === 'join' || (round?.phase === 'before-start' && !params.has('group') && params.get('mode') !== 'table'))
  const started = round !== null && round.phase !== 'before-start'
  useEffect(() => {
    if (started) setJoining(false)
  }, [started])
  // "?" lists the keys; F fills the screen.
  const [help, setHelp] = useState(false)
  const [, toggleFullscreen] = useFullscreen()
  // H (or "Nur den Baum zeigen") hides the buttons, the compare list and the zoom: the tree gets their
  // room (a fifth of a 1280×720 screen); H or Esc brings them back.
  const [onlyTree, setOnlyTree] = useState(false)
  // The button hides itself with the bar: the focus goes to the screen (H brings the bar back), not to the page's body.
  const screenRef = useRef<HTMLElement>(null)
  // M (or "Maßnahmen zeigen") on the solution tree: its measures and helpers listed whole instead of the diagram.
  const [measures, setMeasures] = useState(false)
  // The console's remote switches between the trees and the join screen, and the group and tree shown (each command once).
  const told = useTischStore((s) => s.projectorDisplay)
  // Back from the actor map (key 1, its bar): the command that showed the map is done, not taken again.
  const applied = useRef<number | null>(told?.display.view === 'actors' ? told.seq : null)
  const [openedForGroup] = useState(() => params.has('group'))
  const showActors = useLeaveActorView()
  useEffect(() => {
    if (!told || applied.current === told.seq) return
    applied.current = told.seq
    // The day moved to its other tree: show the running one, whichever group this projector shows.
    if (told.treeFollowed) return setPhase(null)
    if (told.languageOnly || told.spotlightEnded) return
    // The actor map of the solution trees' helpers ("Wer kann helfen?"), from the console's remote.
    if (told.display.view === 'actors') return void (!(told.initial && openedForGroup) && showActors('actors'))
    setJoining(told.display.view === 'join')
    // The group and tree the console chose; a projector opened for one group keeps it when it connects.
    const tree = told.display.tree
    if (tree && !(told.initial && openedForGroup)) {
      setShownId(tree.groupId)
      setPhase(tree.phase)
      setOther((o) => (o === tree.groupId ? '' : o))
    }
  }, [told, openedForGroup, showActors])
  const group = groups[Math.min(index, groups.length - 1)]!
  const second = groups.find((g) => g.id === other && g.id !== group.id) ?? null
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as Element | null
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(target)) return
      // While the list of keys is open, Escape closes it and nothing else happens behind it.
      if (help) return void (e.key === 'Escape' && setHelp(false))
      if (e.key === '?') return setHelp(true)
      if (e.key === 'f' || e.key === 'F') toggleFullscreen()
      if (e.key === '4') setJoining(true)
      if (e.key === '1' || e.key === 'Escape') setJoining(false)
      if (e.key === 'h' || e.key === 'H') setOnlyTree((o) => !o)
      if (e.key === 'm' || e.key === 'M') setMeasures((m) => !m)
      if (e.key === 'Escape') {
        setOnlyTree(false)
        setMeasures(false)
      }
      if (PREVIOUS.has(e.key)) setIndex((i) => (i + groups.length - 1) % groups.length)
      if (NEXT.has(e.key)) setIndex((i) => (i + 1) % groups.length)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [groups, setIndex, toggleFullscreen, help])
  const treeName = t(phase === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree')
  const prompt = treePhasePrompt(props.event, phase)
  // On the join screen the same button leads back, and says so.
  const joinButton = (
    <button type="button" className="secondary" onClick={() => setJoining((j) => !j)}>
      {joining ? t('tree.backToTrees') : t('projectorModes.modes.join')}
    </button>
  )
  const overlay = help && <ShortcutsOverlay list={TREE_SHORTCUT_LIST} audio={false} onClose={() => setHelp(false)} />
  if (joining)
    return (
      <main className="projector">
        {/* The way back stays in the corner: below the full-screen code it was off the screen. */}
        <nav className="tree-groups tree-join-nav" aria-label={t('projectorModes.views')}>
          {joinButton}
        </nav>
        <JoinScreen title={props.event.title} />
        {overlay}
      </main>
    )
  return (
    <main ref={screenRef} tabIndex={-1} className={`tree-projector projector${onlyTree ? ' tree-projector-only' : ''}`}>
      <div className="tree-projector-head">
        <h1>
          {treeName}: {nameOf(group)}
          {second ? ` · ${nameOf(second)}` : ''}
        </h1>
        <RoundTimer size="large" />
      </div>
      {prompt && <p className="tree-projector-prompt">{prompt}</p>}
      <nav className="tree-groups" aria-label={props.event.treeMethod!.attribute}>
        {groups.map((g, i) => (
          <button key={g.id} type="button" className="secondary" aria-pressed={i === index} onClick={() => setIndex(i)}>
            {nameOf(g)}
          </button>
        ))}
        {(phase === 'objective' || objectiveReached) && (
          <button type="button" className="secondary" onClick={() => setPhase(phase === 'problem' ? 'objective' : 'problem')}>
            {t(phase === 'problem' ? 'tree.objectiveTree' : 'tree.problemTree')}
          </button>
        )}
        {/* The label and its list wrap together, never the label at a line's end and the list on the next. */}
        <span className="tree-compare-pick">
          <label htmlFor={compareId}>{t('tree.compareWith')}</label>
          <select id={compareId} value={second?.id ?? ''} onChange={(e) => setOther(e.target.value)}>
            <option value="">–</option>
            {groups
              .filter((g) => g.id !== group.id)
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {nameOf(g)}
                </option>
              ))}
          </select>
        </span>
        {joinButton}
        {phase === 'objective' && (
          <button type="button" className="secondary" onClick={() => setMeasures((m) => !m)}>
            {t(measures ? 'tree.showDiagram' : 'tree.showMeasures')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOnlyTree(true)
            screenRef.current?.focus()
          }}
        >
          {t('tree.onlyTree')}
        </button>
      </nav>
      {overlay}
      {second ? (
        <div className="tree-compare" aria-label={t('tree.compare')}>
          <GroupDiagram event={props.event} token={props.token} group={group} phase={phase} measures={measures} heading />
          <GroupDiagram event={props.event} token={props.token} group={second} phase={phase} measures={measures} heading />
        </div>
      ) : (
        <GroupDiagram event={props.event} token={props.token} group={group} phase={phase} measures={measures} heading={false} keys={!help} />
      )}
    </main>
  )
}

/** One group's tree, live: opened while shown. */
function GroupDiagram(props: { event: TischEvent; token: string; group: TreeGroup; phase: TreePhase; measures: boolean; heading: boolean; keys?: boolean }) {
  const { t } = useTranslation()
  const docName = useTree({ eventId: props.event.id, groupId: props.group.id, phase: props.phase, token: props.token, keepLocal: false })
  const tree = useTreeStore(selectTree(docName))
  const treeName = t(props.phase === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree')
  const empty = !tree.view.core && tree.view.loose.length === 0
  const body = props.measures && props.phase === 'objective' ? (
    <TreeMeasures view={tree.view} />
  ) : (
    <>
      {empty ? <p className="tree-empty">{t(props.phase === 'objective' ? 'tree.emptyObjectives' : 'tree.projectorEmpty')}</p> : null}
      <TreeDiagram key={`${props.group.id}/${props.phase}`} keys={props.keys} view={tree.view} phase={props.phase} label={t('tree.outline', { tree: treeName, group: nameOf(props.group) })} />
    </>
  )
  if (!props.heading) return body
  return (
    <section aria-label={nameOf(props.group)}>
      <h2>{nameOf(props.group)}</h2>
      {body}
    </section>
  )
}
