import { createSignal } from 'solid-js';

/** What the pad's place shows: the drawing pad, or the photo (camera, chosen or shared photo). */
export type PadMode = 'draw' | 'photo';

// Phones (a coarse pointer) start in Photo mode: taking or choosing a photo is their first use.
const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** The pad's mode, and its setter (a photo arriving switches to `photo`). */
export const [padMode, setPadMode] = createSignal<PadMode>(coarse ? 'photo' : 'draw');
