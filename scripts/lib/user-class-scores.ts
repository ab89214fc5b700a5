import { NUM_CLASSES } from '../../src/core/classes';
import { nameKey } from '../../src/core/retrain/classes';

/** How the photos of a folder named like a user class were answered. */
export interface UserClassScore {
  folder: string;
  /** Output index of the class (≥ 10) and its name. */
  index: number;
  name: string;
  count: number;
  /** Share whose top class is that class. */
  right: number | null;
}

/**
 * Scores the folders whose name matches (case ignored) one of the user classes in `names`
 * (outputs 10, 11, …): a photo is right when its top class is that class.
 */
export function userClassScores(
  rows: readonly { folder: string; top: number }[],
  names: readonly string[],
): UserClassScore[] {
  const scores: UserClassScore[] = [];
  for (let index = NUM_CLASSES; index < names.length; index++) {
    const name = names[index]!;
    const inFolder = rows.filter((r) => nameKey(r.folder) === nameKey(name));
    if (inFolder.length === 0) continue;
    const folder = inFolder[0]!.folder;
    scores.push({
      folder,
      index,
      name,
      count: inFolder.length,
      right: inFolder.filter((r) => r.top === index).length / inFolder.length,
    });
  }
  return scores;
}
