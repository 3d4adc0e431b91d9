export * from './retention.js'
export * from './personal-data.js'
export * from './privacy-notice.js'
export * from './forget-author.js'
