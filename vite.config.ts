import { defineConfig, type Plugin } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { CONTENT_SECURITY_POLICY, headersFor } from './scripts/lib/deploy-headers';

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

const pwa: Partial<VitePWAOptions> = {
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
  },
  workbox: {
    // Models (json + bin) and the tfjs wasm binaries must be precached for offline use.
    globPatterns: ['**/*.{js,css,html,json,bin,wasm,png,svg,ico,webmanifest}'],
    maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    navigateFallback: 'index.html',
  },
};

export default defineConfig({
  plugins: [solid(), VitePWA(pwa), contentSecurityPolicy(), deployHeaders()],
  build: { target: 'es2022', assetsInlineLimit: 0 },
  // The retraining worker is a module worker: ES chunks let it share tfjs with the page and load
  // its backend on demand (the default iife format would inline every backend into one file).
  worker: { format: 'es' },
});
