/**
 * A file the import cannot read at all (wrong encoding, malformed CSV or JSON, missing columns,
 * too large): the job fails as a whole and the upload is answered with a 400 naming the problem.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    message: string,
    /** The column(s) or part of the file concerned, when there is one. */
    readonly field = 'file',
  ) {
    super(message);
  }
}
