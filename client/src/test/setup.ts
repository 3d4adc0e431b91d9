import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import '../i18n/console-wording.js'
import { initI18n } from '../i18n/index.js'
import '../i18n/projector-wording.js'
import { resetStore } from '../store/index.js'

await initI18n('de')
afterEach(() => {
  cleanup()
  resetStore()
})
