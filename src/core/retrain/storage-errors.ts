const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Storage has no room for a write (QuotaExceededError, or the estimate said so before trying). */
export class StorageFullError extends Error {
  constructor(
    /** Bytes the write needed, when known. */
    readonly needed: number | null = null,
    /** Bytes free by the browser's estimate, when known. */
    readonly free: number | null = null,
    options?: ErrorOptions,
  ) {
    super(
      needed !== null && free !== null ? `storage is full: ${MB(needed)} needed, ${MB(free)} free` : 'storage is full',
      options,
    );
    this.name = 'StorageFullError';
  }
}

/** Storage refused a write for another reason (private mode, blocked, broken database). */
export class StorageUnavailableError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(`storage is unavailable: ${detail}`, options);
    this.name = 'StorageUnavailableError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Maps any error of a storage write to {@link StorageFullError} or {@link StorageUnavailableError}. */
export function toStorageError(err: unknown): StorageFullError | StorageUnavailableError {
  if (err instanceof StorageFullError || err instanceof StorageUnavailableError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return new StorageFullError(null, null, { cause: err });
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StorageUnavailableError(detail, { cause: err });
}

/** What `navigator.storage.estimate()` resolves to. */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** Room kept free beyond a write's own size: IndexedDB stores more than the payload (keys, journal). */
export const SAVE_MARGIN = { factor: 1.5, bytes: 1024 * 1024 };

/** Whether `bytes` fit in what the estimate says is free, with {@link SAVE_MARGIN}; null free when unknown. */
export function roomFor(bytes: number, estimate: StorageEstimateLike | null): { fits: boolean; free: number | null } {
  if (!estimate || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number')
    return { fits: true, free: null };
  const free = Math.max(0, estimate.quota - estimate.usage);
  return { fits: bytes * SAVE_MARGIN.factor + SAVE_MARGIN.bytes <= free, free };
}

const browserEstimate = async (): Promise<StorageEstimateLike | null> =>
  (await globalThis.navigator?.storage?.estimate?.()) ?? null;

/**
 * Throws {@link StorageFullError} when the browser's estimate says `bytes` (plus margin) will not
 * fit; passes when there is no estimate (the write itself will then say).
 */
export async function ensureRoom(
  bytes: number,
  estimate: () => Promise<StorageEstimateLike | null> = browserEstimate,
): Promise<void> {
  const room = roomFor(bytes, await estimate().catch(() => null));
  if (!room.fits) throw new StorageFullError(bytes, room.free);
}
