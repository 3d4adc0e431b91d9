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
