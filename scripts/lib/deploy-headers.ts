// The HTTP headers Prenda is deployed with: one source for public/_headers (Netlify and Cloudflare
// Pages read it), for `vite preview`, and for the CSP meta tag of the built page.

/** Same-origin only; 'wasm-unsafe-eval' lets the tfjs wasm backend compile its binaries. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The header adds what a meta tag cannot carry: no framing by other sites. */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Headers for the paths a pattern matches (`*` matches any characters, as static hosts read it). */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

const NO_CACHE = { 'Cache-Control': 'no-cache' };

/**
 * Every rule applies where it matches and no header is set by two rules that can match the same
 * path (Cloudflare joins such values with commas). Files without a content hash are revalidated
 * (the service worker's revision hashes handle updates); hashed assets are immutable.
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  {
    path: '/*',
    headers: {
      'Content-Security-Policy': CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  { path: '/', headers: NO_CACHE },
  { path: '/index.html', headers: NO_CACHE },
  { path: '/sw.js', headers: NO_CACHE },
  { path: '/manifest.webmanifest', headers: { ...NO_CACHE, 'Content-Type': 'application/manifest+json' } },
  { path: '/models/*', headers: NO_CACHE },
  { path: '/examples/*', headers: NO_CACHE },
  { path: '/data/*', headers: NO_CACHE },
  { path: '/experiments/*', headers: NO_CACHE },
  { path: '/assets/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
];

const matcher = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** The headers a request for `pathname` (site-root relative) gets: every matching rule, in order. */
export function headersFor(pathname: string, rules: readonly HeaderRule[] = HEADER_RULES): Record<string, string> {
  return Object.assign({}, ...rules.filter((r) => matcher(r.path).test(pathname)).map((r) => r.headers));
}

/** The `_headers` file text for `rules`. */
export function renderHeadersFile(rules: readonly HeaderRule[] = HEADER_RULES): string {
  const head = '# Generated from scripts/lib/deploy-headers.ts by `npm run headers`: edit that file, not this one.\n';
  const blocks = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `${head}${blocks.join('\n')}\n`;
}

/** Reads `_headers` text back into rules (for the test that keeps it in step). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
