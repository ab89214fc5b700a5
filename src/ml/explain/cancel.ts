/**
 * Resolves on the next macrotask (a MessageChannel round trip, not a clamped timer), so a
 * worker between two tf batches can receive the message that aborts it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Lets pending messages run, then throws the signal's reason if it was aborted meanwhile. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await nextTask();
  signal.throwIfAborted();
}
