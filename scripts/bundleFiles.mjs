// The files the page itself loads (scripts, preloads, styles named in dist/index.html, "./assets/…" or "/assets/…"):
// the main-thread bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths relative to `dist`, e.g. "assets/index-abc.js"; `exts` filters by extension. */
export function mainThreadFiles(dist, exts = ['js', 'css']) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const re = new RegExp(`(?:src|href)="(?:\\.?\\/)?(assets\\/[^"]+\\.(?:${exts.join('|')}))"`, 'g');
  return [...new Set([...html.matchAll(re)].map((m) => m[1]))];
}
