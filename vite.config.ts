import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { CONTENT_SECURITY_POLICY, headersFor } from './scripts/lib/deploy-headers';
import { checkManifest, mostAccurate } from './src/core/manifest';
import { precachePlan } from './support/build/precache-plan';

export { CONTENT_SECURITY_POLICY };

/** Adds the CSP meta tag to the built index.html (the dev server injects inline styles, so not there). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'prenda-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** `vite preview` sends the deployed headers (public/_headers), path by path, so tests see the real policy. */
function deployHeaders(): Plugin {
  let base = '/';
  return {
    name: 'prenda-deploy-headers',
    configResolved: (config) => void (base = config.base),
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        const rooted = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
        for (const [name, value] of Object.entries(headersFor(rooted))) res.setHeader(name, value);
        next();
      });
    },
  };
}
/**
 * `vite preview` gzips `.wasm` for clients that accept it, as the static hosts do (Cloudflare Pages
 * compresses `application/wasm` by default; Vite's own compression leaves it out), so the browser
 * tests and Lighthouse see the transfer users get: the SIMD binary is 415 KiB, 134 KiB gzipped.
 */
function wasmGzip(): Plugin {
  let dir = 'dist';
  const zipped = new Map<string, Buffer>();
  return {
    name: 'prenda-wasm-gzip',
    configResolved: (config) => void (dir = resolve(config.root, config.build.outDir)),
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        if (!pathname.endsWith('.wasm') || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
          return next();
        let body = zipped.get(pathname);
        if (!body) {
          const file = resolve(dir, `.${decodeURIComponent(pathname)}`);
          if (!file.startsWith(`${dir}/`)) return next();
          try {
            body = gzipSync(readFileSync(file), { level: 9 });
          } catch {
            return next(); // not a built file: the static handler answers (404)
          }
          zipped.set(pathname, body);
        }
        res.setHeader('Content-Type', 'application/wasm');
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Content-Length', body.length);
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}

/** The models the first visit needs: the default (most accurate) one and the photo model. */
const coreModels = [
  mostAccurate(checkManifest(JSON.parse(readFileSync('public/models/manifest.json', 'utf8'))))!.id,
  'photo',
];

/** What the service worker precaches at install (`core`) and what it caches later. */
const plan = precachePlan({
  // Not needed for the first prediction: the views behind the nav, a retraining run, the
  // fallback backends (WebGPU is fetched where an adapter exists, then cached on use).
  // "Why?" too: its worker brings its own tfjs. (The album stays core: sharing several photos
  // offline opens it.)
  lazy: /tfjs-backend-(webgpu|cpu)\/|\/features\/(lab|eval|explain)\/|\/retrain-client\.ts$|\/RetrainChart\.tsx$/,
  core: [
    /^(index\.html|manifest\.webmanifest|[^/]+\.(png|ico|svg))$/,
    /^(examples\/examples\.(json|png)|models\/manifest\.json)$/,
    ...coreModels.map((id) => new RegExp(`^models/${id}/`)),
    // The wasm backend runs single-threaded (no COOP/COEP), and every current browser has SIMD.
    /^assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/,
  ],
  groups: [
    [/^models\//, 'models'],
    [/^data\/t10k-/, 'test-set'],
    [/^data\/replay-/, 'replay'],
  ],
});

const pwa: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Prenda',
    short_name: 'Prenda',
    description: 'Dibuja una prenda y Prenda adivina qué es, sin conexión y en tu dispositivo.',
    lang: 'es',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#2f6b5a',
    background_color: '#f6f4ef',
    categories: ['education', 'utilities'],
    icons: [
      { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // Phones list the installed app in the share sheet; the service worker takes the POST.
    share_target: {
      action: './share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'photos', accept: ['image/*', '.jpg', '.jpeg', '.png', '.webp', '.heic'] }] },
    },
    // Desktop: "open with Prenda" for image files (the app reads them through launchQueue).
    file_handlers: [
      {
        action: './',
        accept: {
          'image/jpeg': ['.jpg', '.jpeg'],
          'image/png': ['.png'],
          'image/webp': ['.webp'],
          'image/heic': ['.heic'],
        },
      },
    ],
  },
  // The icons are globbed with the rest (as core); listing them again would duplicate entries.
  includeManifestIcons: false,
  injectManifest: {
    // Every file goes into the injected manifest, tagged with its group; the worker precaches only core.
    globPatterns: ['**/*.{js,css,html,json,bin,wasm,png,svg,ico}'],
    maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
    manifestTransforms: [plan.transform],
    // The page registers the worker as a classic script (workbox-window, type 'classic').
    rollupFormat: 'iife',
  },
};

export default defineConfig({
  plugins: [solid(), plan.plugin, VitePWA(pwa), contentSecurityPolicy(), deployHeaders(), wasmGzip()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    // The page preloads what index.html needs, and the photo panel's dependencies (on phones it is
    // the first screen, and its largest paint). Vite's default also adds a <link rel=modulepreload>
    // per dependency of every other lazy chunk when its import() runs: at 4× CPU those DOM insertions
    // made the idle tasks that start the deferred panels long (up to 190 ms, mostly appendChild). A
    // lazy chunk's own imports still load in parallel once it is fetched; its CSS is still linked.
    modulePreload: {
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || /(^|\/)photo-[\w-]+\.js$/.test(file) ? deps : [],
    },
  },
  // The retraining worker is a module worker: ES chunks let it share tfjs with the page and load
  // its backend on demand (the default iife format would inline every backend into one file).
  // The plan's worker plugin sees each worker's own chunk graph, so the classification worker's
  // wasm and WebGL backends are core and its WebGPU and cpu ones lazy, like the page's.
  worker: { format: 'es', plugins: () => [plan.workerPlugin] },
});
