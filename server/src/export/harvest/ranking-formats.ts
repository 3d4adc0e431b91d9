/** The files a vote's ranking is exported as (its renderers are loaded on the first export). */
export const RANKING_FORMATS = ['pdf', 'docx', 'md', 'csv'] as const
export type RankingFormat = (typeof RANKING_FORMATS)[number]
