/* global self */
// Answers every message at once: the worker round trip without any work.
self.onmessage = (e) => self.postMessage(e.data);
