// `npm run package`: the built site (dist/, with the MNIST files) as one zip a teacher can unpack on any static
// host, under any path. Prints its size. Already-compressed files (.gz data, .woff2) are stored, the rest deflated.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const root = 'dist';
const name = `mnist-playground-${pkg.version}`;
const files = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else
      files[`${name}/${relative(root, path).split('\\').join('/')}`] = [
        readFileSync(path),
        { level: /\.(gz|woff2|png)$/.test(entry) ? 0 : 9 },
      ];
  }
};
walk(root);
if (!files[`${name}/index.html`]) throw new Error('package: dist/index.html missing; run npm run build first');
const zip = zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') });
mkdirSync('release', { recursive: true });
const out = `release/${name}.zip`;
writeFileSync(out, zip);
const mb = (n) => (n / 1024 / 1024).toFixed(1);
const raw = Object.values(files).reduce((s, [b]) => s + b.length, 0);
console.log(`package: ${out} — ${mb(zip.length)} MiB (${Object.keys(files).length} files, ${mb(raw)} MiB unpacked)`);
console.log(
  `serve it: unzip ${name}.zip, copy the ${name}/ folder anywhere on a web server (README, "Put it on a server")`,
);
