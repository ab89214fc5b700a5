import { parseUrlParams } from '../core/url-params';

/** The URL parameters the app was opened with (`backend`, `lang`, `model`, `view`, …), parsed once. */
export const params = parseUrlParams(typeof location === 'undefined' ? '' : location.search);
