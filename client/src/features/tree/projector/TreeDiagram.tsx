import type { TreePhase, TreeView } from '@tischrunde/shared'
import { useMemo } from 'react'
import { useTranslation } from '../../../i18n/index.js'
import { BOX, layoutTree } from '../tree-layout.js'

/** Margin around the diagram inside its screen, in diagram units. */
const MARGIN = 24

/**
 * A tree drawn live as a diagram, scaled to fit its screen (the SVG's viewBox): core in the middle,
 * causes below and effects above. The picture is decorative for screen readers; the outline beside
 * it (or on the phones) is the accessible form, so it carries one label.
 */
export function TreeDiagram(props: { view: TreeView; phase: TreePhase; label: string }) {
  const { t } = useTranslation()
  const layout = useMemo(() => layoutTree(props.view, props.phase), [props.view, props.phase])
  const { minX, maxX, minY, maxY } = layout.bounds
  const viewBox = `${minX - MARGIN} ${minY - MARGIN} ${Math.max(maxX - minX, BOX.width) + 2 * MARGIN} ${Math.max(maxY - minY, BOX.height) + 2 * MARGIN}`
  return (
    <svg className="tree-diagram" role="img" aria-label={props.label} viewBox={viewBox} preserveAspectRatio="xMidYMid meet">
      {layout.links.map(({ from, to, points }) => (
        <polyline key={`${from.node.id}-${to.node.id}`} points={points.map((p) => p.join(',')).join(' ')} className="tree-link" />
      ))}
      {layout.nodes.map((p) => (
        <g key={p.node.id} className={`tree-box tree-box-${p.node.kind}`} data-kind={p.node.kind} transform={`translate(${p.x - BOX.width / 2} ${p.y - BOX.height / 2})`}>
          <rect width={BOX.width} height={BOX.height} rx={10} />
          <foreignObject width={BOX.width} height={BOX.height}>
            <div className="tree-box-text">
              <span className="tree-box-kind">{t(`tree.kind.${p.node.kind}`)}</span>
              <span>{p.node.text}</span>
            </div>
          </foreignObject>
        </g>
      ))}
    </svg>
  )
}
