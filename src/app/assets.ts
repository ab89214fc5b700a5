// Files the app ships in public/ (models, data, examples, experiments), under Vite's base URL.

/** The URL of a shipped file, e.g. `models/manifest.json`. */
export function assetUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path}`;
}

async function fetchAsset(path: string): Promise<Response> {
  const res = await fetch(assetUrl(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

/** A shipped JSON file, parsed (to be checked by its reader). */
export async function fetchJson(path: string): Promise<unknown> {
  return (await fetchAsset(path)).json();
}

/** A shipped binary file's bytes. */
export async function fetchBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchAsset(path)).arrayBuffer());
}
