import * as v from 'valibot';
import { ImportError } from './import-error';

/** How a schema type reads after "must be". */
const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  loose_object: 'an object',
  array: 'a list',
  null: 'null',
  finite: 'a finite number',
  integer: 'a whole number',
  instance: 'binary data',
};

const shown = (received: string): string => (received.length > 40 ? `${received.slice(0, 37)}...` : received);

/** One validation issue as a sentence: `createdAt must be a number (got "x")`. */
export function issueText(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ?? 'the file';
  if (issue.kind === 'schema' && issue.received === 'undefined' && path) return `${path} is missing`;
  if (issue.type === 'check' || issue.type === 'raw_transform' || issue.type === 'raw_check')
    return `${where} ${issue.message}`;
  const expected = EXPECTED[issue.type] ?? issue.expected?.replace('>=', '≥ ').replace('<=', '≤ ') ?? issue.type;
  return `${where} must be ${expected} (got ${shown(issue.received)})`;
}

/** Parses `value` with `schema`; throws an {@link ImportError} naming `file` and the first problems. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, value: unknown, file: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const problems = result.issues.slice(0, 3).map(issueText);
  const more = result.issues.length > 3 ? ` (and ${result.issues.length - 3} more problems)` : '';
  throw new ImportError('invalid', file, problems.join('; ') + more);
}

/** JSON.parse that names the file when the text is not JSON. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportError('not-json', file, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
