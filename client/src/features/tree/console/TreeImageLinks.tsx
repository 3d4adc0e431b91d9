import { type TreePhase, failureSchema } from '@tischrunde/shared'
import { useState } from 'react'
import { errorText } from '../../../i18n/error-text.js'
import { useTranslation } from '../../../i18n/index.js'
import { fileNameOf } from '../../export/download-export.js'

/** The file name the server chose (`attachment; filename="…"`), ASCII by construction. */

/**
 * Downloads of one group's trees as pictures (SVG and PNG, rendered on the server as the projector
 * lays them out), for the trees that have entries: a picture of an empty tree says only that.
 */
export function TreeImageLinks(props: { eventId: string; token: string; groupId: string; groupName: string; written: Readonly<Record<TreePhase, boolean>> }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const download = async (phase: TreePhase, format: 'svg' | 'png') => {
    setError(null)
    const query = new URLSearchParams({ group: props.groupId, phase, format })
    try {
      const res = await fetch(`/api/events/${encodeURIComponent(props.eventId)}/tree-image?${query}`, { headers: { authorization: `Bearer ${props.token}` } })
      if (!res.ok) {
        const failure = failureSchema.safeParse(await res.json().catch(() => null))
        return setError(errorText(t, failure.success ? failure.data : { code: 'INTERNAL' }))
      }
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = fileNameOf(res, `${props.groupId}-${phase}.${format}`)
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setError(errorText(t, { code: 'NETWORK' }))
    }
  }
  const phases = (['problem', 'objective'] as const).filter((phase) => props.written[phase])
  if (phases.length === 0) return <p className="muted tree-images">{t('tree.noImagesYet')}</p>
  return (
    <div className="tree-images">
      <p className="button-row" role="group" aria-label={t('tree.exportImages')}>
        {phases.map((phase) =>
          (['svg', 'png'] as const).map((format) => (
            <button key={`${phase}-${format}`} type="button" className="secondary" onClick={() => void download(phase, format)}>
              {t(format === 'svg' ? 'tree.svgOf' : 'tree.pngOf', { tree: t(phase === 'problem' ? 'tree.problemTree' : 'tree.objectiveTree'), group: props.groupName })}
            </button>
          )),
        )}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
