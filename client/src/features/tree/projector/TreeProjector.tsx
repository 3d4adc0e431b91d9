import { type TischEvent, type TreePhase, groupsOf } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import '../../../i18n/tree-wording.js'
import { useTranslation } from '../../../i18n/index.js'
import { selectTree, useTreeStore } from '../../../store/tree-store.js'
import { useTree } from '../../../sync/tree-hooks.js'
import '../tree.css'
import { TreeDiagram } from './TreeDiagram.js'

/** Keys that switch the shown group on the projector: ← and → (or PageUp/PageDown of a presenter). */
const PREVIOUS = new Set(['ArrowLeft', 'PageUp'])
const NEXT = new Set(['ArrowRight', 'PageDown'])

/**
 * The projector in an event that runs the tree method: one group's tree drawn live, full screen;
 * the group is switched with buttons or the arrow keys. Loaded with a dynamic import.
 */
export default function TreeProjector(props: { event: TischEvent; token: string }) {
  const { t } = useTranslation()
  const groups = groupsOf(props.event.treeMethod!)
  const [index, setIndex] = useState(() => {
    const wanted = new URLSearchParams(window.location.search).get('group')
    return Math.max(0, groups.findIndex((g) => g.id === wanted))
  })
  const [phase, setPhase] = useState<TreePhase>(() => (new URLSearchParams(window.location.search).get('phase') === 'objective' ? 'objective' : 'problem'))
  const group = groups[Math.min(index, groups.length - 1)]!
  const docName = useTree({ eventId: props.event.id, groupId: group.id, phase, token: props.token, keepLocal: false })
  const tree = useTreeStore(selectTree(docName))
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (PREVIOUS.has(e.key)) setIndex((i) => (i + groups.length - 1) % groups.length)
      if (NEXT.has(e.key)) setIndex((i) => (i + 1) % groups.length)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [groups.length])
  const groupName = `${group.value}${group.letter ? ` ${group.letter}` : ''}`
  const treeName = t(phase === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree')
  return (
    <main className="tree-projector projector">
      <h1>
        {treeName}: {groupName}
      </h1>
      <nav className="tree-groups" aria-label={props.event.treeMethod!.attribute}>
        {groups.map((g, i) => (
          <button key={g.id} type="button" className="secondary" aria-pressed={i === index} onClick={() => setIndex(i)}>
            {g.value}
            {g.letter ? ` ${g.letter}` : ''}
          </button>
        ))}
        <button type="button" className="secondary" onClick={() => setPhase(phase === 'problem' ? 'objective' : 'problem')}>
          {t(phase === 'problem' ? 'tree.objectiveTree' : 'tree.problemTree')}
        </button>
      </nav>
      {!tree.view.core && tree.view.loose.length === 0 ? <p className="tree-empty">{t('tree.empty')}</p> : null}
      <TreeDiagram view={tree.view} phase={phase} label={t('tree.outline', { tree: treeName, group: groupName })} />
    </main>
  )
}
