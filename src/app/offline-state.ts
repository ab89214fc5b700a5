import { ASSET_GROUPS, type AssetGroup, type GroupStatus } from '../sw/protocol';

/**
 * What works offline: `none` (no service worker yet), `core` (drawing and photos), `caching`,
 * `all` (everything, Lab and Evaluation included) or `error` (some files could not be fetched).
 */
export type OfflineState = 'none' | 'core' | 'caching' | 'all' | 'error';

const complete = (s: GroupStatus): boolean => s.cached >= s.files;

/** The state the caches are in, from the service worker's counts. */
export function offlineStateOf(groups: Record<AssetGroup, GroupStatus>): OfflineState {
  if (ASSET_GROUPS.every((g) => complete(groups[g]))) return 'all';
  return complete(groups.core) ? 'core' : 'none';
}
