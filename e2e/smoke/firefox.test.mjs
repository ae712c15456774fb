// The smoke test (smoke.mjs) in Firefox ESR, installed from Debian's packages by scripts/setup.
import { test } from 'node:test';
import { runSmoke, steps } from './smoke.mjs';

test('Firefox ESR: a short visit of a hospital, every file fetched once', { timeout: 180_000 }, (t) =>
  runSmoke('firefox', steps(t), (message) => t.diagnostic(message)));
