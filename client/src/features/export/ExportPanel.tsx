import { useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import type { ThemeTable } from '@tischrunde/shared'

/** The server's formats (EXPORT_FORMATS in shared/src/export/export-format.ts), in button order. */
const FORMATS = ['pdf', 'docx', 'md', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]

type Status = { kind: 'idle' } | { kind: 'building'; key: string } | { kind: 'done'; file: string } | { kind: 'error'; message: string }

/** Whole-event downloads: label key and query. */
const EVENT_DOWNLOADS: { key: string; label: string; format: Format }[] = [
  { key: 'event-pdf', label: 'export.documentationPdf', format: 'pdf' },
  { key: 'event-docx', label: 'export.documentationDocx', format: 'docx' },
  { key: 'event-md', label: 'export.documentationMd', format: 'md' },
  { key: 'event-csv', label: 'export.allTablesCsv', format: 'csv' },
  { key: 'event-json', label: 'export.backupJson', format: 'json' },
]

/** The file name the server chose (`attachment; filename="…"`), ASCII by construction. */
function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')
  return match?.[1] ?? fallback
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Downloads for the facilitator: each table's result sheet in every format, the whole
 * documentation, and everything as one ZIP. One export runs at a time; while it builds (a ZIP of a
 * large event takes seconds) the buttons wait and the panel says so.
 */
export function ExportPanel({ eventId, token, tables }: { eventId: string; token: string; tables: readonly Pick<ThemeTable, 'id' | 'name'>[] }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const running = useRef(false)
  const base = `/api/events/${encodeURIComponent(eventId)}`

  async function download(key: string, path: string, fallbackName: string): Promise<void> {
    if (running.current) return
    running.current = true
    setStatus({ kind: 'building', key })
    try {
      let res: Response
      try {
        res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
      } catch {
        return setStatus({ kind: 'error', message: t('export.error.network') })
      }
      if (!res.ok) {
        const reason = res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : res.status === 429 ? 'busy' : 'failed'
        return setStatus({ kind: 'error', message: t(`export.error.${reason}`) })
      }
      const file = fileNameOf(res, fallbackName)
      save(await res.blob(), file)
      setStatus({ kind: 'done', file })
    } catch {
      setStatus({ kind: 'error', message: t('export.error.failed') })
    } finally {
      running.current = false
    }
  }

  const busy = status.kind === 'building'
  const label = (key: string, text: string) => (status.kind === 'building' && status.key === key ? t('export.building') : text)

  return (
    <section className="export-panel" aria-labelledby="export-title" aria-busy={busy}>
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="muted">{t('export.hint')}</p>

      <h3>{t('export.wholeEvent')}</h3>
      <div className="export-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void download('zip', '/export.zip', `${eventId}.zip`)}>
          {label('zip', t('export.zip'))}
        </button>
        {EVENT_DOWNLOADS.map((d) => (
          <button key={d.key} type="button" className="secondary" disabled={busy} onClick={() => void download(d.key, `/export?format=${d.format}`, `${eventId}.${d.format}`)}>
            {label(d.key, t(d.label))}
          </button>
        ))}
      </div>

      <h3>{t('export.perTable')}</h3>
      <ul className="table-list">
        {tables.map((table) => (
          <li key={table.id} className="table-row">
            <strong>{table.name}</strong>
            <span className="export-buttons">
              {FORMATS.map((format) => {
                const key = `${table.id}-${format}`
                return (
                  <button
                    key={format}
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={t('export.tableButton', { format: t(`export.format.${format}`), table: table.name })}
                    onClick={() => void download(key, `/export?format=${format}&table=${encodeURIComponent(table.id)}`, `${table.id}.${format}`)}
                  >
                    {label(key, t(`export.format.${format}`))}
                  </button>
                )
              })}
            </span>
          </li>
        ))}
      </ul>

      <p role="status" aria-live="polite" className="muted">
        {status.kind === 'building' ? t('export.building') : status.kind === 'done' ? t('export.done', { file: status.file }) : ''}
      </p>
      {status.kind === 'error' && <p role="alert">{status.message}</p>}
    </section>
  )
}
