import { useEffect, useRef, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { type Translate, useTranslation } from '../../i18n/index.js'
import type { ExportProgress, ThemeTable } from '@tischrunde/shared'
import { type DownloadOutcome, downloadExport } from './download-export.js'

/** The server's formats (EXPORT_FORMATS in shared/src/export/export-format.ts), in button order. */
const FORMATS = ['pdf', 'docx', 'md', 'csv', 'xlsx', 'json'] as const
type Format = (typeof FORMATS)[number]

type Status = { kind: 'idle' } | { kind: 'building'; key: string; progress?: ExportProgress } | { kind: 'done'; file: string } | { kind: 'error'; message: string }

/** Whole-event downloads: label key and query. */
const EVENT_DOWNLOADS: { key: string; label: string; format: Format }[] = [
  { key: 'event-pdf', label: 'export.documentationPdf', format: 'pdf' },
  { key: 'event-docx', label: 'export.documentationDocx', format: 'docx' },
  { key: 'event-md', label: 'export.documentationMd', format: 'md' },
  { key: 'event-csv', label: 'export.allTablesCsv', format: 'csv' },
  { key: 'event-xlsx', label: 'export.allTablesXlsx', format: 'xlsx' },
  { key: 'event-json', label: 'export.backupJson', format: 'json' },
]

/** The whole-event labels that speak of tables, as a day without theme tables words them. */
const NO_TABLES_LABELS = new Map([
  ['event-csv', 'export.allDataCsv'],
  ['event-xlsx', 'export.allDataXlsx'],
])

/** Why a download failed, in the panel's words; a timeout names the server's limit. */
function failureText(t: Translate, outcome: Exclude<DownloadOutcome, { ok: true }>): string {
  if (outcome.failure?.code === 'NETWORK') return t('export.error.network')
  if (outcome.failure?.code === 'TIMED_OUT') return errorText(t, outcome.failure)
  const { status } = outcome
  const reason = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 429 ? 'busy' : status === 504 ? 'timeout' : 'failed'
  return t(`export.error.${reason}`)
}

/** "Wird erstellt … Datei 12 von 49 · 35 s" for a ZIP, "Wird erstellt … 35 s" for one file. */
function buildingText(t: Translate, progress: ExportProgress | undefined): string {
  if (!progress) return t('export.building')
  const seconds = Math.round(progress.elapsedMs / 1000)
  const limit = Math.round(progress.limitMs / 1000)
  return progress.total > 1 ? t('export.progressFiles', { done: progress.done, total: progress.total, seconds, limit }) : t('export.progressTime', { seconds, limit })
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
 * Once the panel comes into view, asks the server to start its export threads (at most once a
 * minute, as long as the server keeps them), so a download does not wait for them to load.
 */
function usePrepareWhenSeen(panel: React.RefObject<HTMLElement | null>, base: string, token: string): void {
  useEffect(() => {
    const el = panel.current
    if (!el || typeof IntersectionObserver === 'undefined') return
    let last = 0
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting) || Date.now() - last < 60_000) return
      last = Date.now()
      void fetch(`${base}/export-prepare`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => {})
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [panel, base, token])
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
  const panel = useRef<HTMLElement>(null)
  usePrepareWhenSeen(panel, base, token)

  async function download(key: string, path: string, fallbackName: string): Promise<void> {
    if (running.current) return
    running.current = true
    setStatus({ kind: 'building', key })
    try {
      const outcome = await downloadExport({ base, path, token, fallbackName, onProgress: (progress) => setStatus({ kind: 'building', key, progress }) })
      if (!outcome.ok) return setStatus({ kind: 'error', message: failureText(t, outcome) })
      save(outcome.blob, outcome.fileName)
      setStatus({ kind: 'done', file: outcome.fileName })
    } catch {
      setStatus({ kind: 'error', message: t('export.error.failed') })
    } finally {
      running.current = false
    }
  }

  const busy = status.kind === 'building'
  // A day without theme tables (programme or trees only) has no per-table sheets and no "Alle Tische".
  const tableless = tables.length === 0
  const label = (key: string, text: string) => (status.kind === 'building' && status.key === key ? t('export.building') : text)

  return (
    <section ref={panel} className="export-panel" aria-labelledby="export-title" aria-busy={busy}>
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="muted">{t(tableless ? 'export.hintNoTables' : 'export.hint')}</p>

      <h3>{t('export.wholeEvent')}</h3>
      <div className="export-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void download('zip', '/export.zip', `${eventId}.zip`)}>
          {label('zip', t(tableless ? 'export.zipNoTables' : 'export.zip'))}
        </button>
        {EVENT_DOWNLOADS.map((d) => (
          <button key={d.key} type="button" className="secondary" disabled={busy} onClick={() => void download(d.key, `/export?format=${d.format}`, `${eventId}.${d.format}`)}>
            {label(d.key, t(tableless ? (NO_TABLES_LABELS.get(d.key) ?? d.label) : d.label))}
          </button>
        ))}
      </div>

      {!tableless && (
        <>
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
        </>
      )}

      {status.kind === 'building' && status.progress && status.progress.total > 1 && (
        <progress value={status.progress.done} max={status.progress.total} aria-label={t('export.progressLabel')} />
      )}
      <p role="status" aria-live="polite" className="muted">
        {status.kind === 'building' ? buildingText(t, status.progress) : status.kind === 'done' ? t('export.done', { file: status.file }) : ''}
      </p>
      {status.kind === 'error' && <p role="alert">{status.message}</p>}
    </section>
  )
}
