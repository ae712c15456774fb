// Writes sw.js for a built site: the release's files and a version derived from their contents,
// so that any change to any file makes a new release. `node tools/service-worker.mjs <dir>` does it
// for an existing directory (the update test uses that to make a second release).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = join(fileURLToPath(import.meta.url), '..', '..', 'web', 'service-worker.js');
const WORKER = 'sw.js';

export function writeServiceWorker(dir) {
  const files = readdirSync(dir)
    .filter((name) => name !== WORKER && !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(dir, name)));
  const version = hash.digest('hex').slice(0, 16);
  // './' is the page itself (index.html as served for the directory).
  const list = ['./', ...files.map((name) => `./${name}`)];
  const worker = readFileSync(TEMPLATE, 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(list));
  writeFileSync(join(dir, WORKER), worker);
  return version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/service-worker.mjs <built site directory>');
    process.exit(2);
  }
  console.log(writeServiceWorker(dir));
}
