/** The moderation tests' axe check is the shared one (support/axe.ts); kept so their imports stay valid. */
export { axeViolations } from './axe.js'
