/**
 * "Why c and not d": the map of class c minus the map of class d. For occlusion and integrated
 * gradients this equals the method applied to p_c − p_d, since both are linear in the output.
 */
export function versusMap(mapC: Float32Array, mapD: Float32Array): Float32Array {
  if (mapC.length !== mapD.length) throw new RangeError(`Maps of ${mapC.length} and ${mapD.length} values`);
  return mapC.map((v, i) => v - mapD[i]!);
}
