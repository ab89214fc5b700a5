/** What is wrong with an imported file, for the UI to word (the detail stays technical). */
export type ImportProblem =
  'not-zip' | 'too-large' | 'missing-file' | 'unexpected-file' | 'not-json' | 'invalid' | 'weights' | 'model';

/** Raised when an import is refused; `file` names the part at fault (null: the import as a whole). */
export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly file: string | null,
    readonly detail: string,
  ) {
    super(file ? `${file}: ${detail}` : detail);
    this.name = 'ImportError';
  }
}
