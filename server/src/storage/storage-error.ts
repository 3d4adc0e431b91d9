/**
 * The data folder holds something the server will not overwrite (an empty, truncated or invalid
 * file). The server stops with this message; a copy of the file was kept as `backup`.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly backup: string,
  ) {
    super(
      `Die Datendatei ${file} ist nicht lesbar (${problem}). Sie wurde NICHT überschrieben; eine Kopie liegt unter ${backup}.\n` +
        `Weiter geht es so: Datei reparieren und neu starten, oder mit "npm start -- --start-fresh" die Datei beiseitelegen und leer beginnen.`,
    )
    this.name = 'DataFileError'
  }
}

/**
 * A board's snapshot file is damaged. The board is not opened (its phones are told the server cannot
 * store, and keep their cards); the file is not overwritten; a copy was kept as `backup`. Other
 * tables keep working.
 */
export class BoardFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly backup: string,
  ) {
    super(
      `Die Board-Datei ${file} ist nicht lesbar (${problem}). Sie wurde NICHT überschrieben; eine Kopie liegt unter ${backup}. ` +
        `Dieser Tisch bleibt geschlossen, bis die Datei aus einer Sicherung ersetzt oder (bei gestopptem Server) entfernt wird; die anderen Tische laufen weiter.`,
    )
    this.name = 'BoardFileError'
  }
}

/**
 * A write the store could not make durable (a full disk, a failing drive). Nothing of it was kept:
 * the store's state is as before the write. The sender is told STORAGE_FAILED and may try again.
 */
export class StorageFailure extends Error {
  constructor(
    readonly what: string,
    options: { cause: unknown },
  ) {
    super(`storing ${what} failed: ${(options.cause as Error | undefined)?.message ?? String(options.cause)}`, options)
    this.name = 'StorageFailure'
  }
}

/** Whether `error` is (or was caused by) a write that could not be stored. */
export function isStorageFailure(error: unknown): error is StorageFailure {
  return error instanceof StorageFailure
}
