/** Re-exports of the shared export model, for the worker and renderers. */
export * from '@tischrunde/shared'
