import type { TreeItem, TreeNode, TreeView } from '@tischrunde/shared'
import type { ReactNode } from 'react'
import { useTranslation } from '../../i18n/index.js'

/** What every node of the outline is shown with. */
interface NodeProps {
  selectedId: string | null
  onSelect: (id: string) => void
  mayEdit?: (item: TreeItem) => boolean
  onEdit?: (id: string) => void
  /** What stands under a node, before its children (the phone's fields for the chosen means). */
  below?: (item: TreeItem) => ReactNode
  /** A line right under a node's button (the problem a reworded objective answers). */
  note?: (item: TreeItem) => ReactNode
}

/**
 * A tree as an indented, numbered outline: the accessible form of the diagram. Each node is a
 * button that selects it; nodes the viewer may edit get an edit button. A means shows whether it is
 * in scope and its measures and "Wer kann helfen?" beneath it.
 */
export function TreeOutline(props: NodeProps & { view: TreeView; label: string }) {
  const tops = [...(props.view.core ? [props.view.core] : []), ...props.view.loose]
  return (
    <ol className="tree-outline" aria-label={props.label}>
      {tops.map((item) => (
        <OutlineItem key={item.node.id} item={item} {...props} />
      ))}
    </ol>
  )
}

function OutlineItem(props: NodeProps & { item: TreeItem }) {
  const { t } = useTranslation()
  const { item } = props
  const kind = t(`tree.kind.${item.node.kind}`)
  return (
    <li data-node-id={item.node.id}>
      <div className="tree-item">
        <button type="button" className="tree-pick secondary" aria-pressed={props.selectedId === item.node.id} onClick={() => props.onSelect(item.node.id)}>
          {/* The visible words are the button's name ("Ursache 1.1: text"), so speech input finds it by what it shows. */}
          <span className={`tree-kind tree-kind-${item.node.kind}`}>
            {kind} {item.number}:
          </span>{' '}
          <span>{item.node.text}</span>
          {item.node.inScope && <span className="tree-scope-mark"> · {t('tree.inScopeShort')}</span>}
          {item.node.placeholder && <span className="tree-placeholder-mark"> · {t('tree.placeholderShort')}</span>}
        </button>
        {props.onEdit && props.mayEdit?.(item) && (
          <button type="button" className="tree-edit secondary" aria-label={t('tree.editOf', { text: item.node.text })} onClick={() => props.onEdit?.(item.node.id)}>
            {t('tree.edit')}
          </button>
        )}
      </div>
      {props.note?.(item)}
      {/* The fields below a node list its measures themselves. */}
      {props.below?.(item) ?? <NodeExtras node={item.node} />}
      {item.children.length > 0 && (
        <ol>
          {item.children.map((child) => (
            <OutlineItem key={child.node.id} {...props} item={child} />
          ))}
        </ol>
      )}
    </li>
  )
}

/** A means' measures and helpers, as the group gathered them (read here; written in the console or below the outline). */
function NodeExtras({ node }: { node: TreeNode }) {
  const { t } = useTranslation()
  const lists = (['measures', 'helpers'] as const).filter((field) => (node[field]?.length ?? 0) > 0)
  if (lists.length === 0) return null
  return (
    <dl className="tree-extras">
      {lists.map((field) => (
        <div key={field}>
          {/* "Maßnahmen:" but "Wer kann helfen?" (a question takes no colon). */}
          <dt>{t(`tree.${field}`).replace(/([^?])$/, '$1:')}</dt>
          <dd>{node[field]!.join(' · ')}</dd>
        </div>
      ))}
    </dl>
  )
}
