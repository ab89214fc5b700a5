/** Coarse garment groups used to judge photos (README of the clothing-photos set). */
export type GarmentGroup = 'tops' | 'bottoms' | 'dress' | 'footwear' | 'bag';

/** Fashion-MNIST classes in each group. */
export const GROUPS: Readonly<Record<GarmentGroup, readonly number[]>> = {
  tops: [0, 2, 4, 6],
  bottoms: [1],
  dress: [3],
  footwear: [5, 7, 9],
  bag: [8],
};

/** A photo folder's accepted Fashion-MNIST classes and group; null group = out of scope. */
export interface FolderRule {
  accepted: readonly number[];
  group: GarmentGroup | null;
}

/** Folder → classes, as in data/clothing-photos/README.md. */
export const PHOTO_FOLDERS: Readonly<Record<string, FolderRule>> = {
  't-shirt': { accepted: [0], group: 'tops' },
  pants: { accepted: [1], group: 'bottoms' },
  longsleeve: { accepted: [2], group: 'tops' },
  dress: { accepted: [3], group: 'dress' },
  outwear: { accepted: [4], group: 'tops' },
  shirt: { accepted: [6], group: 'tops' },
  shoes: { accepted: [5, 7, 9], group: 'footwear' },
  hat: { accepted: [], group: null },
  shorts: { accepted: [], group: null },
  skirt: { accepted: [], group: null },
};

/** The group of Fashion-MNIST class `index`. */
export function groupOf(index: number): GarmentGroup {
  const found = (Object.keys(GROUPS) as GarmentGroup[]).find((g) => GROUPS[g].includes(index));
  if (!found) throw new RangeError(`No Fashion-MNIST class ${index}`);
  return found;
}

/** Strict and coarse correctness of predicting `top` for a photo from `folder` (null = not scored). */
export function judgePhoto(folder: string, top: number): { strict: boolean; coarse: boolean } | null {
  const rule = PHOTO_FOLDERS[folder];
  if (!rule?.group) return null;
  // A user class (index ≥ 10) is never right for a mapped folder.
  return { strict: rule.accepted.includes(top), coarse: top < 10 && groupOf(top) === rule.group };
}
