/**
 * A file the import cannot read at all (wrong encoding, malformed CSV or JSON, missing columns,
 * a limit exceeded): the job fails as a whole and the upload is answered with a 4xx naming the
 * problem (400, or 413 for a size limit).
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    message: string,
    /** The column(s) or part of the file concerned, when there is one. */
    readonly field = 'file',
    /** The HTTP status the upload is answered with. */
    readonly status: 400 | 413 | 422 = 400,
  ) {
    super(message);
  }
}

/** The longest cell value an error message quotes. */
export const QUOTED_VALUE_MAX = 80;

/**
 * A cell value quoted in an error message: JSON-quoted (control characters escaped) and cut to
 * {@link QUOTED_VALUE_MAX} characters, so a hostile file cannot make stored errors large.
 */
export function quote(value: string): string {
  const cut = value.length > QUOTED_VALUE_MAX ? `${value.slice(0, QUOTED_VALUE_MAX)}…` : value;
  return JSON.stringify(cut);
}
