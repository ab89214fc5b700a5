import { createSignal } from 'solid-js';

/** What a press on the drawing canvas does. */
export type Tool = 'brush' | 'eraser' | 'fill';

/** The active drawing tool. */
export const [tool, setTool] = createSignal<Tool>('brush');
/** Brush and eraser width in canvas pixels (the canvas is {@link PAD_SIZE} wide). */
export const [brushSize, setBrushSize] = createSignal(28);
/** Whether the drawing has undo history (enables the Undo button). */
export const [canUndo, setCanUndo] = createSignal(false);

/** Side of the drawing canvas's bitmap in pixels. */
export const PAD_SIZE = 448;
