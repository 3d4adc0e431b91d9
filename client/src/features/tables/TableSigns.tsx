import type { ThemeTable } from '@tischrunde/shared'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from '../../i18n/index.js'
import { absolute, withQuery } from '../../sync/links.js'
import '../../i18n/console-wording.js'

/** One table's sign as printed: its name, host and the QR code that seats a phone at it. */
interface Sign {
  table: ThemeTable
  url: string
  qr: string
}

/** The body's class while the signs print: everything else of the page is left off the paper. */
const PRINTING = 'print-table-signs'

/**
 * "Tischschilder drucken": one page per theme table with its name, its host and a QR code of the
 * table's own join link (a phone that scans it sits at that table), plus the address and the join
 * code for those who type. The signs exist only while the browser's print dialog is open.
 */
export function TableSigns({ title, tables, participantLink, joinUrl, joinCode }: { title: string; tables: readonly ThemeTable[]; participantLink: string; joinUrl: string; joinCode: string }) {
  const { t } = useTranslation()
  const [signs, setSigns] = useState<Sign[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  const prepare = async () => {
    setBusy(true)
    setFailed(false)
    try {
      setSigns(
        await Promise.all(
          tables.map(async (table) => {
            const url = absolute(withQuery(participantLink, 'tisch', table.id))
            return { table, url, qr: await QRCode.toDataURL(url, { margin: 2, width: 800, errorCorrectionLevel: 'M' }) }
          }),
        ),
      )
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  // Printed once the signs are on the page (their pictures are data: URLs, drawn at once).
  useEffect(() => {
    if (!signs) return
    document.body.classList.add(PRINTING)
    const done = () => {
      document.body.classList.remove(PRINTING)
      setSigns(null)
    }
    window.addEventListener('afterprint', done, { once: true })
    window.print()
    return () => {
      window.removeEventListener('afterprint', done)
      document.body.classList.remove(PRINTING)
    }
  }, [signs])

  return (
    <div className="table-signs-control">
      <button type="button" className="secondary" disabled={busy || tables.length === 0} aria-describedby="table-signs-hint" onClick={() => void prepare()}>
        {busy ? t('console.signsPreparing') : t('console.signsPrint')}
      </button>
      <p id="table-signs-hint" className="muted">
        {t('console.signsHint')}
      </p>
      {failed && (
        <p className="field-error" role="alert">
          {t('console.signsFailed')}
        </p>
      )}
      {signs &&
        createPortal(
          <div className="table-signs">
            {signs.map(({ table, url, qr }) => (
              <section key={table.id} className="table-sign">
                <p className="table-sign-event">{title}</p>
                <h2>{table.name}</h2>
                {table.host && <p className="table-sign-host">{t('console.host', { name: table.host })}</p>}
                <img src={qr} alt={t('console.qrAlt', { url })} />
                <p className="table-sign-scan">{t('console.signScan')}</p>
                <p className="table-sign-type">{t('console.signType', { url: joinUrl, code: joinCode })}</p>
              </section>
            ))}
          </div>,
          document.body,
        )}
    </div>
  )
}
