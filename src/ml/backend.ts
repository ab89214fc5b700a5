import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName } from '../core/url-params';
import { errorText } from '../core/errors';

/** Why a backend in the chain was passed over. */
export interface SkippedBackend {
  name: BackendName;
  reason: string;
}

/** The backend that started, and those tried before it. */
export interface BackendChoice {
  name: BackendName;
  skipped: SkippedBackend[];
}

/** Called once when the GPU behind the active backend goes away (context or device lost). */
export type BackendLostHandler = (name: BackendName, reason: string) => void;

/** The part of `navigator.gpu` used here (the DOM typings do not include WebGPU). */
interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Registers a backend's kernels by importing its package on demand; throws when unusable. */
async function register(name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu': {
      const gpu = typeof navigator === 'undefined' ? undefined : (navigator as { gpu?: GpuLike }).gpu;
      if (!gpu) throw new Error('WebGPU is not available');
      // Ask for an adapter first: without one, the backend package is not worth downloading.
      if (!(await gpu.requestAdapter())) throw new Error('no WebGPU adapter');
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const [wasm, { WASM_FILES }] = await Promise.all([
        import('@tensorflow/tfjs-backend-wasm'),
        import('./wasm-files'),
      ]);
      // Threads need cross-origin isolation and a blob: worker; the CSP and hosting allow neither.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      wasm.setWasmPaths(WASM_FILES);
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/** Calls `onLost` when the active GPU backend loses its WebGL context or WebGPU device. */
function watchForLoss(name: BackendName, onLost: BackendLostHandler): void {
  let fired = false;
  const lost = (reason: string): void => {
    if (!fired) {
      fired = true;
      onLost(name, reason);
    }
  };
  if (name === 'webgl') {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
    const canvas = backend.gpgpu?.gl?.canvas;
    if (canvas && 'addEventListener' in canvas) {
      canvas.addEventListener('webglcontextlost', () => lost('WebGL context lost'), { once: true });
    }
  } else if (name === 'webgpu') {
    const backend = tf.backend() as unknown as { device?: { lost?: Promise<{ reason?: string; message?: string }> } };
    void backend.device?.lost?.then((info) => {
      if (info.reason !== 'destroyed') lost(`WebGPU device lost${info.message ? `: ${info.message}` : ''}`);
    });
  }
}

/** The chain from `first` downwards (webgpu → webgl → wasm → cpu). */
export function chainFrom(first: BackendName = 'webgpu'): BackendName[] {
  return BACKENDS.slice(BACKENDS.indexOf(first));
}

/** The backend after `name` in the chain, or undefined after cpu. */
export function nextBackend(name: BackendName): BackendName | undefined {
  return BACKENDS[BACKENDS.indexOf(name) + 1];
}

/**
 * Starts the first backend of the chain from `first` that works. A `setBackend` that throws or
 * resolves false moves on to the next one. Throws only when even cpu fails.
 */
export async function startBackend(
  first: BackendName | undefined,
  onLost: BackendLostHandler,
  onTrying?: (name: BackendName) => void,
): Promise<BackendChoice> {
  const skipped: SkippedBackend[] = [];
  for (const name of chainFrom(first)) {
    onTrying?.(name);
    try {
      await register(name);
      if (!(await tf.setBackend(name))) throw new Error(`${name} failed to initialise`);
      await tf.ready();
      watchForLoss(name, onLost);
      return { name, skipped };
    } catch (err) {
      skipped.push({ name, reason: errorText(err) });
    }
  }
  throw new Error(`No tfjs backend could start: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`);
}
