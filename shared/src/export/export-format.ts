import { z } from 'zod'

/** Formats a result sheet or the whole documentation can be downloaded in. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'csv', 'xlsx', 'json'] as const
export const exportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** MIME type of each format (and of the ZIP with everything), as sent in Content-Type. */
export const EXPORT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
} as const satisfies Record<ExportFormat | 'zip', string>
