import { describe, expect, it } from 'vitest';
import { viewFromSearch } from '../../src/app/view';

describe('viewFromSearch', () => {
  it('reads ?view= and falls back to the drawing view', () => {
    expect(viewFromSearch('?view=lab')).toBe('lab');
    expect(viewFromSearch('?lang=es&view=eval')).toBe('eval');
    expect(viewFromSearch('?view=nope')).toBe('draw');
    expect(viewFromSearch('')).toBe('draw');
  });
});
