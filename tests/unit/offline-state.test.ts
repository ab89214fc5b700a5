import { describe, expect, it } from 'vitest';
import { offlineStateOf } from '../../src/app/offline-state';
import { ASSET_GROUPS, type AssetGroup, type GroupStatus } from '../../src/sw/protocol';

const groups = (cached: Partial<Record<AssetGroup, number>>): Record<AssetGroup, GroupStatus> =>
  Object.fromEntries(
    ASSET_GROUPS.map((g) => [g, { files: 4, cached: cached[g] ?? 0, bytes: 400, cachedBytes: (cached[g] ?? 0) * 100 }]),
  ) as Record<AssetGroup, GroupStatus>;

describe('what works offline (offline-status data-state)', () => {
  it('is core once the core is cached, all once every group is, none before', () => {
    expect(offlineStateOf(groups({ core: 3 }))).toBe('none');
    expect(offlineStateOf(groups({ core: 4, models: 2 }))).toBe('core');
    expect(offlineStateOf(groups({ core: 4, models: 4, 'test-set': 4, replay: 4, lazy: 4 }))).toBe('all');
  });
});
