import type { VoteRanking } from '@tischrunde/shared'
import type { ActorTableInput } from './actors/actor-table.js'
import type { RenderedFile } from './export-service.js'
import type { RankingFormat } from './harvest/ranking-formats.js'
import type { HandoutEvent, HandoutItem } from './programme/programme-handout.js'

/**
 * A document the console downloads besides the tables' exports: the programme's handout, a voting
 * step's ranking, the actor table. Rendered where the exports are (the worker thread, one at a time,
 * with their limits), never on the server's main thread: a handout of 360 workshops took 630 ms
 * there, six at once froze every event's sockets for seconds.
 */
export type DocumentJob =
  | { what: 'programme'; format: 'pdf' | 'docx'; event: HandoutEvent; items: readonly HandoutItem[] }
  | { what: 'ranking'; format: RankingFormat; ranking: VoteRanking }
  | { what: 'actors'; format: 'docx' | 'xlsx' | 'csv'; input: ActorTableInput }

/**
 * The document (the actor table names its own file; the others' names and types are the route's).
 * Its renderers are loaded on the first such document, not with the server.
 */
export async function renderDocument(job: DocumentJob): Promise<RenderedFile> {
  const unnamed = (bytes: Uint8Array): RenderedFile => ({ fileName: '', contentType: '', bytes })
  if (job.what === 'programme') {
    if (job.format === 'pdf') return unnamed(await (await import('./programme/render-programme-pdf.js')).renderProgrammePdf(job.event, job.items))
    return unnamed(await (await import('./programme/render-programme-docx.js')).renderProgrammeDocx(job.event, job.items))
  }
  if (job.what === 'ranking') return unnamed(await (await import('./harvest/render-ranking.js')).renderRanking(job.ranking, job.format))
  const { renderActorsCsv, renderActorsDocx, renderActorsXlsx } = await import('./actors/render-actors.js')
  return job.format === 'docx' ? renderActorsDocx(job.input) : job.format === 'xlsx' ? renderActorsXlsx(job.input) : renderActorsCsv(job.input)
}
