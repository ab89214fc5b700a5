import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../core/url-params';
import { startBackend } from '../backend';
import { prepareWasmTraining } from '../kernels';

let wasmReady = false;

/** Makes the active backend able to train (wasm needs extra kernels); returns its name. */
export function readyForTraining(): string {
  const name = tf.getBackend();
  if (name === 'wasm' && !wasmReady) {
    prepareWasmTraining();
    wasmReady = true;
  }
  return name;
}

interface AdapterLike {
  info?: { architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** True when the GPU behind `name` is a software renderer (SwiftShader, fallback adapter). */
export async function isSoftwareGpu(name: 'webgpu' | 'webgl'): Promise<boolean> {
  const software = (text = '') => /swiftshader|llvmpipe|software|microsoft basic render/i.test(text);
  try {
    if (name === 'webgpu') {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
      const adapter = await gpu?.requestAdapter();
      if (!adapter) return false;
      const info = adapter.info ?? {};
      return Boolean(
        adapter.isFallbackAdapter ||
        info.isFallbackAdapter ||
        software(info.architecture) ||
        software(info.description),
      );
    }
    const canvas =
      typeof OffscreenCanvas === 'undefined' ? document.createElement('canvas') : new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return false;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return software(renderer);
  } catch {
    return false;
  }
}

/**
 * Starts a backend that can train, from `first` down: WebGPU, WebGL where float32 render targets
 * exist (half floats cannot hold gradients; in a worker it draws on an OffscreenCanvas), then
 * wasm with Prenda's training kernels, cpu last. A GPU that is really the CPU in disguise
 * (SwiftShader) is skipped unless `force`d: wasm trains 7–25× faster there.
 */
export async function startTrainingBackend(first: BackendName | undefined, force = false): Promise<string> {
  const ignoreLoss = () => {};
  let start: BackendName = first ?? 'webgpu';
  while (!force && (start === 'webgpu' || start === 'webgl') && (await isSoftwareGpu(start))) {
    start = start === 'webgpu' ? 'webgl' : 'wasm';
  }
  const choice = await startBackend(start, ignoreLoss);
  if (choice.name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
    await startBackend('wasm', ignoreLoss);
  }
  return readyForTraining();
}
