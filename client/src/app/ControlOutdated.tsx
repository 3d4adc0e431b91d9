import { useTranslation } from '../i18n/index.js'
import { useTischStore } from '../store/index.js'
import { ReloadNote } from './ReloadNote.js'

/**
 * A screen whose control plane cannot load any more (the server was updated while the page was
 * open, or its code failed in a way the browser keeps for the page) says so and offers the reload
 * that mends it, instead of "no connection" for ever.
 */
export function ControlOutdated() {
  const { t } = useTranslation()
  const outdated = useTischStore((s) => s.controlStatus === 'outdated')
  if (!outdated) return null
  return <ReloadNote className="control-outdated">{t('common.outdated')}</ReloadNote>
}
