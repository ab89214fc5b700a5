// Summarises a V8 CPU profile (CDP `Profiler.stop`) as self time per function, for bench:app
// --profile: where the page's main thread spends its time while drawing.

/** The parts of a CDP Profiler.Profile this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** One function's share of the profile. */
export interface SelfTime {
  name: string;
  ms: number;
}

/** Self time (ms) per function (name, file and line), largest first; `(idle)` and `(program)` included. */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const label = new Map<number, string>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.split('/').pop() ?? '';
    label.set(n.id, file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName);
  }
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the delta to the next one.
  for (let i = 0; i < samples.length; i++) {
    const name = label.get(samples[i]!) ?? '?';
    total.set(name, (total.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...total].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
