import { useState } from 'react'
import { useTranslation } from '../../i18n/index.js'

const FORMATS = ['docx', 'xlsx', 'csv'] as const

/** Downloads of the actor table (Word table to fill in, Excel, CSV), with the facilitator's key. */
export function ActorExportButtons({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const [failed, setFailed] = useState<string | null>(null)
  const download = async (format: (typeof FORMATS)[number]) => {
    setFailed(null)
    try {
      const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/actors.${format}`, { headers: { authorization: `Bearer ${token}` } })
      if (!res.ok) throw new Error(String(res.status))
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = `${eventId}-akteure.${format}`
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'NETWORK')
    }
  }
  return (
    <span className="actor-export" role="group" aria-label={t('actors.export')}>
      {FORMATS.map((f) => (
        <button key={f} type="button" className="secondary" aria-label={t('actors.exportAs', { format: f.toUpperCase() })} onClick={() => void download(f)}>
          {f.toUpperCase()}
        </button>
      ))}
      {failed && (
        <span className="field-error" role="alert">
          {t('actors.refused', { code: failed })}
        </span>
      )}
    </span>
  )
}
