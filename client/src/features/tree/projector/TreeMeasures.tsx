import { type TreeView, flattenTree } from '@tischrunde/shared'
import { useTranslation } from '../../../i18n/index.js'

/**
 * The solution tree's plan, read from the back of the hall: every objective the group attached
 * measures or helpers to, with its number, in the tree's order, its measures and who can help
 * listed whole (the boxes of the diagram only count them). Those in scope are marked.
 */
export function TreeMeasures({ view }: { view: TreeView }) {
  const { t } = useTranslation()
  const planned = flattenTree(view).filter((i) => (i.node.measures?.length ?? 0) + (i.node.helpers?.length ?? 0) > 0)
  if (planned.length === 0) return <p className="tree-empty">{t('tree.noMeasures')}</p>
  return (
    <ol className="tree-measures" aria-label={t('tree.measuresView')}>
      {planned.map(({ node, number }) => (
        <li key={node.id} className={node.inScope ? 'tree-measures-scope' : undefined}>
          <h2>
            <span className="tree-measures-number">{number}</span> {node.text}
            {node.inScope && <span className="tree-measures-mark"> · {t('tree.inScopeShort')}</span>}
          </h2>
          {node.measures && node.measures.length > 0 && (
            <>
              <p className="tree-measures-label">{t('tree.measures')}</p>
              <ul>
                {node.measures.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </>
          )}
          {node.helpers && node.helpers.length > 0 && (
            <p>
              <span className="tree-measures-label">{t('tree.helpers')}</span> {node.helpers.join(' · ')}
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}
