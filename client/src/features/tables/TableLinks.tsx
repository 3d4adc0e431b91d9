import type { ThemeTable } from '@tischrunde/shared'
import { type ReactNode, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { absolute, withQuery } from '../../sync/links.js'
import '../../i18n/console-wording.js'

/** A link to hand out, with a copy button that says whether copying worked. */
function CopyLink({ label, url, hint, secret = false }: { label: string; url: string; hint?: string; secret?: boolean }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    ) ?? setCopied('failed')
  return (
    <div className="copy-link">
      <span className="copy-link-label">{label}</span>
      <a href={url} target="_blank" rel="noreferrer" className="copy-link-url">
        {/* A secret link is not spelled out: the console may be on a shared screen. */}
        {secret ? t('console.openLink') : url}
      </a>
      <button type="button" className="secondary" onClick={() => void copy()}>
        {copied === 'yes' ? t('console.copied') : t('console.copy')}
      </button>
      {copied === 'failed' && (
        <span className="field-error" role="alert">
          {t('console.copyFailed')}
        </span>
      )}
      {hint && <span className="muted copy-link-hint">{hint}</span>}
    </div>
  )
}

/**
 * A table's two links: participants who should sit at this table, and the table host's scribe link
 * (with `renewHost`, the control that blocks it and issues a new one).
 */
export function TableLinks({ table, participantLink, hostLink, renewHost }: { table: ThemeTable; participantLink: string; hostLink: string | undefined; renewHost?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <details className="table-links">
      <summary>{t('console.tableLinks', { table: table.name })}</summary>
      <CopyLink label={t('console.tableLink')} url={absolute(withQuery(participantLink, 'tisch', table.id))} />
      {hostLink && <CopyLink label={t('console.hostLink')} url={absolute(hostLink)} hint={t('console.hostLinkHint')} secret />}
      {hostLink && renewHost}
    </details>
  )
}
