// The smoke test (smoke.mjs) in WebKitGTK (the engine of Safari), installed from Debian's packages by scripts/setup.
import { test } from 'node:test';
import { runSmoke, steps } from './smoke.mjs';

test('WebKitGTK (the engine of Safari): a short visit of a hospital, every file fetched once', { timeout: 180_000 }, (t) =>
  runSmoke('webkit', steps(t), (message) => t.diagnostic(message)));
