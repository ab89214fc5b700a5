// Vite copies these into the build with hashed names, so the service worker precaches them and
// the wasm backend never fetches from a CDN.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

/**
 * Same-origin URLs of the tfjs wasm binaries, keyed as `setWasmPaths` expects. The threaded
 * build needs cross-origin isolation and a blob: worker, which Prenda's hosting and CSP rule out;
 * backend.ts turns threads off, so that entry (required by setWasmPaths) is never fetched.
 */
export const WASM_FILES = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmSimd,
};
