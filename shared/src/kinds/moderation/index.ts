export * from './moderation.schema.js'
export * from './moderation-kinds.js'
export * from './moderation-rules.js'
