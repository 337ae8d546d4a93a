// Checks the built app: the main-thread bundle must not contain tfjs (it belongs in the worker chunk only).
// Prints the gzip size of each main-thread JS file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mainThreadFiles } from './bundleFiles.mjs';

const dist = join(import.meta.dirname, '..', 'dist');
const mainFiles = mainThreadFiles(dist, ['js']);
if (mainFiles.length === 0) {
  console.error('checkBundle: no entry script found in dist/index.html');
  process.exit(1);
}
// Kernel and flag names that only tfjs code contains (checked below to be present in the worker chunk).
const MARKERS = ['Conv2DBackpropInput', 'Conv2DBackpropFilter', 'WEBGL_VERSION'];
let failed = false;
for (const f of mainFiles) {
  const code = readFileSync(join(dist, f));
  const text = code.toString('utf8');
  // Markers that only tfjs code contains.
  const markers = MARKERS;
  const found = markers.filter((m) => text.includes(m));
  console.log(
    `checkBundle: ${f} ${(code.length / 1024).toFixed(0)} KiB, ${(gzipSync(code).length / 1024).toFixed(0)} KiB gzip${found.length ? `, CONTAINS tfjs (${found.join(', ')})` : ', no tfjs'}`,
  );
  if (found.length) failed = true;
}
const workers = readdirSync(join(dist, 'assets')).filter((f) => f.startsWith('trainer.worker') && f.endsWith('.js'));
const workerText = workers.map((f) => readFileSync(join(dist, 'assets', f), 'utf8')).join('');
if (!MARKERS.every((m) => workerText.includes(m))) {
  console.error('checkBundle: the worker chunk lacks the tfjs markers; update MARKERS so this check means something');
  failed = true;
}
process.exit(failed ? 1 : 0);
