// Decides, at build time, which group each file of dist/ belongs to (src/sw/protocol.ts): the
// service worker precaches only `core` at install and caches the rest on use or on request.
//
// Core JavaScript and CSS come from the app bundle's chunk graph: everything the entry reaches
// through static imports, and through dynamic imports except into the lazy entries (`lazy`
// matched against the chunk's source module: views, retraining, fallback backends). Everything
// else is classified by path.
import type { Plugin } from 'vite';
import type { AssetGroup } from '../../src/sw/protocol';

/** Output chunk fields the plan reads (Rollup's and Rolldown's OutputChunk both have them). */
interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/** A workbox-build manifest entry as manifest transforms receive it (size still present). */
interface BuildEntry {
  url: string;
  revision: string | null;
  size: number;
}

/** How files are grouped. */
export interface PrecachePlanOptions {
  /** Dynamic entries (by source module path) that the first visit does not need. */
  lazy: RegExp;
  /** Other files (dist-relative paths) that are core: html, icons, web manifest, models, a wasm binary. */
  core: RegExp[];
  /** Non-core groups by path, first match wins; anything else is `lazy`. */
  groups: [RegExp, AssetGroup][];
}

/** Relative imports of a built worker script (its chunks are plain assets of the app bundle). */
const workerImports = (code: string): string[] =>
  [...code.matchAll(/\bfrom\s*["']\.\/([\w.-]+\.js)["']|\bimport\s*["']\.\/([\w.-]+\.js)["']/g)].map(
    (m) => m[1] ?? m[2]!,
  );

/**
 * The chunk and asset files the entry needs (see the header comment), dist-relative. A worker
 * script the entry reaches brings what `workers` says it needs (its own bundle's closure, from
 * {@link precachePlan}'s worker plugin), else the chunks it imports statically.
 */
export function startupFiles(
  bundle: Record<string, { type: string }>,
  lazy: RegExp,
  workers: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Set<string> {
  const chunks = new Map<string, ChunkLike>();
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk') chunks.set((item as ChunkLike).fileName, item as ChunkLike);
  }
  const out = new Set<string>();
  const visit = (file: string, dynamic: boolean): void => {
    const chunk = chunks.get(file);
    if (out.has(file)) return;
    if (!chunk) {
      // A worker script reached from a core chunk: keep it and the chunks it needs.
      const asset = bundle[file] as { source?: string | Uint8Array } | undefined;
      if (!file.endsWith('.js') || typeof asset?.source !== 'string') return;
      out.add(file);
      const closure = workers.get(file);
      if (closure) for (const dep of closure) visit(dep, false);
      else for (const dep of workerImports(asset.source)) visit(`${file.replace(/[^/]*$/, '')}${dep}`, false);
      return;
    }
    if (dynamic && chunk.isDynamicEntry && lazy.test(chunk.facadeModuleId ?? '')) return;
    out.add(file);
    for (const css of chunk.viteMetadata?.importedCss ?? []) out.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) if (asset.endsWith('.js')) visit(asset, false);
    for (const dep of chunk.imports) visit(dep, false);
    for (const dep of chunk.dynamicImports) visit(dep, true);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName, false);
  return out;
}

/**
 * A Vite plugin that reads the app bundle's chunk graph, and the workbox manifest transform that
 * tags each precache entry with its group and size (`bytes`) for src/sw/sw.ts.
 */
export function precachePlan(options: PrecachePlanOptions): {
  plugin: Plugin;
  /** For `worker.plugins`: records what each worker bundle's entry needs (same rules, its own chunk graph). */
  workerPlugin: Plugin;
  transform: (entries: BuildEntry[]) => Promise<{ manifest: BuildEntry[]; warnings: string[] }>;
} {
  let startup = new Set<string>();
  // Each worker is bundled apart (before the app's bundle is written): its entry → its files.
  const workers = new Map<string, Set<string>>();
  const groupOf = (url: string): AssetGroup => {
    if (startup.has(url) || options.core.some((pattern) => pattern.test(url))) return 'core';
    return options.groups.find(([pattern]) => pattern.test(url))?.[1] ?? 'lazy';
  };
  return {
    plugin: {
      name: 'prenda-precache-plan',
      apply: 'build',
      generateBundle(_, bundle) {
        startup = startupFiles(bundle, options.lazy, workers);
      },
    },
    workerPlugin: {
      name: 'prenda-precache-plan-worker',
      apply: 'build',
      generateBundle(_, bundle) {
        // A worker build has one entry, the worker script.
        const files = startupFiles(bundle, options.lazy);
        for (const item of Object.values(bundle))
          if (item.type === 'chunk' && item.isEntry) workers.set(item.fileName, files);
      },
    },
    transform: async (entries) => {
      if (!startup.size) throw new Error('precache plan: the app bundle was not seen (plugin missing?)');
      return {
        manifest: entries.map((e) => ({ ...e, group: groupOf(e.url), bytes: e.size })),
        warnings: [],
      };
    },
  };
}
