/** A mistake in how a command was called (unknown model, bad option): one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Makes an uncaught error end the command with one line on stderr (exit 2 for a UsageError, 1
 * otherwise) instead of a stack trace; `DEBUG=1` prints the stack as well. Call it first.
 */
export function oneLineErrors(): void {
  process.on('uncaughtException', (err) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
    process.exit(err instanceof UsageError ? 2 : 1);
  });
}
