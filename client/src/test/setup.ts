import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { initI18n } from '../i18n/index.js'
import { resetStore } from '../store/index.js'

initI18n('de')
afterEach(() => {
  cleanup()
  resetStore()
})
