export * from './programme.schema.js'
export * from './programme-clock.js'
export * from './seat-rules.js'
export * from './programme-events.js'
