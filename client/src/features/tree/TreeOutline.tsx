import type { TreeItem, TreeView } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'

/**
 * A tree as an indented, numbered outline: the accessible form of the diagram. Each node is a
 * button that selects it; nodes the viewer may edit get an edit button.
 */
export function TreeOutline(props: {
  view: TreeView
  label: string
  selectedId: string | null
  onSelect: (id: string) => void
  mayEdit?: (item: TreeItem) => boolean
  onEdit?: (id: string) => void
}) {
  const tops = [...(props.view.core ? [props.view.core] : []), ...props.view.loose]
  return (
    <ol className="tree-outline" aria-label={props.label}>
      {tops.map((item) => (
        <OutlineItem key={item.node.id} item={item} {...props} />
      ))}
    </ol>
  )
}

function OutlineItem(props: { item: TreeItem; selectedId: string | null; onSelect: (id: string) => void; mayEdit?: (item: TreeItem) => boolean; onEdit?: (id: string) => void }) {
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
        </button>
        {props.onEdit && props.mayEdit?.(item) && (
          <button type="button" className="tree-edit secondary" aria-label={t('tree.editOf', { text: item.node.text })} onClick={() => props.onEdit?.(item.node.id)}>
            {t('tree.edit')}
          </button>
        )}
      </div>
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
