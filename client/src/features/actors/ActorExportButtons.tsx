import { useState } from 'react'
import { failureSchema } from '@tischrunde/shared'
import { errorText } from '../../i18n/error-text.js'
import { fileNameOf } from '../export/download-export.js'
import { useTranslation } from '../../i18n/index.js'

const FORMATS = ['docx', 'xlsx', 'csv'] as const

/** Downloads of the actor table (Word table to fill in, Excel, CSV), with the facilitator's key. */
export function ActorExportButtons({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const [failed, setFailed] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const download = async (format: (typeof FORMATS)[number]) => {
    setFailed(null)
    setBusy(true)
    try {
      const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/actors.${format}`, { headers: { authorization: `Bearer ${token}` } })
      if (!res.ok) {
        // The server's failure in words (a code never shows); a body that is none: a server error.
        const failure = failureSchema.safeParse(await res.json().catch(() => null))
        setFailed(errorText(t, failure.success ? failure.data : { code: 'INTERNAL' }))
        return
      }
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      // The server's name, as every other download of the day: "Winnenden_2019-07-02_Akteure.docx".
      a.download = fileNameOf(res, `Akteure.${format}`)
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setFailed(errorText(t, { code: 'NETWORK' }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="actor-export" role="group" aria-label={t('actors.export')}>
      {FORMATS.map((f) => (
        <button key={f} type="button" className="secondary" disabled={busy} aria-label={t('actors.exportAs', { format: f.toUpperCase() })} onClick={() => void download(f)}>
          {f.toUpperCase()}
        </button>
      ))}
      <span className="muted" role="status">
        {busy && t('actors.exporting')}
      </span>
      {failed && (
        <span className="field-error" role="alert">
          {t('actors.exportFailed', { reason: failed })}
        </span>
      )}
    </span>
  )
}
