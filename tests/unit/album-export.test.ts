import { describe, expect, it } from 'vitest';
import { albumCsv, albumJson, albumRecords } from '../../src/features/album/album-export';
import type { AlbumItem } from '../../src/features/album/album';

const probs = [0.05, 0.8, 0.05, 0.02, 0.02, 0.01, 0.02, 0.01, 0.01, 0.01];
const items: AlbumItem[] = [
  { id: 0, file: 'pants.jpg', status: 'done', top: 1, probs, sure: true, problem: null, corrected: null },
  { id: 1, file: 'a "quoted", name.jpg', status: 'done', top: 1, probs, sure: false, problem: null, corrected: 3 },
  {
    id: 2,
    file: 'notes.jpg',
    status: 'failed',
    top: -1,
    probs: null,
    sure: false,
    problem: { key: 'photo.notImage' },
    corrected: null,
  },
  {
    id: 3,
    file: 'floor.jpg',
    status: 'done',
    top: -1,
    probs: null,
    sure: false,
    problem: { key: 'photo.noGarment' },
    corrected: null,
  },
];
const records = albumRecords(
  items,
  (i) => `class ${i}`,
  (item) => (item.problem ? `problem ${item.problem.key}` : null),
);

describe('album export', () => {
  it('keeps one record per item with class, name, probabilities, sure, correction and problem', () => {
    expect(records[0]).toEqual({
      file: 'pants.jpg',
      class: 1,
      name: 'class 1',
      probabilities: probs,
      sure: true,
      corrected: null,
      problem: null,
    });
    expect(records[1]).toMatchObject({ class: 1, sure: false, corrected: 3 });
    // No class: nulls, never a made-up one, and the reason.
    expect(records[2]).toEqual({
      file: 'notes.jpg',
      class: null,
      name: '',
      probabilities: null,
      sure: false,
      corrected: null,
      problem: 'problem photo.notImage',
    });
    expect(records[3]).toMatchObject({ class: null, probabilities: null, problem: 'problem photo.noGarment' });
    expect(JSON.parse(albumJson(records))).toEqual(records);
  });

  it('writes RFC 4180 CSV: header, quoted fields, unlocalised numbers, empty fields for nulls', () => {
    const lines = albumCsv(records).split('\r\n');
    expect(lines[0]).toBe('file,class,name,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9,sure,corrected,problem');
    expect(lines[1]).toBe(`pants.jpg,1,class 1,${probs.join(',')},true,,`);
    expect(lines[2]).toBe(`"a ""quoted"", name.jpg",1,class 1,${probs.join(',')},false,3,`);
    expect(lines[3]).toBe('notes.jpg,,,,,,,,,,,,,false,,problem photo.notImage');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(items.length + 2);
  });
});
