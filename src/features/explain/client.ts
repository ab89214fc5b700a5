import { assetUrl } from '../../app/assets';
import { ExplainClient } from '../../ml/explain/worker-client';

let client: ExplainClient | undefined;

/** The app's one explanation worker client (the worker starts with the first request). */
export function explainClient(): ExplainClient {
  client ??= new ExplainClient(new URL(assetUrl('data/'), location.href).href);
  return client;
}
