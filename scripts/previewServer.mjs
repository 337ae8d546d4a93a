// The built site served by `vite preview` for the benchmark scripts: started, waited for, and stopped on exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Serves `dist` (relative to the repository) on 127.0.0.1:`port`; resolves once it answers. Returns stop(). */
export async function startPreview(port, dist = 'dist') {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: 'ignore' },
  );
  const stop = () => server.kill();
  process.on('exit', stop);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return stop;
}
