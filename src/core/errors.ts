/** The message of a thrown value, for the user or a log (errors may be any value in JavaScript). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
