/* global document */
// Pictures of what the model received for digits that one bench:draw run misread and another read right:
// node scripts/drawPreviews.mjs BEFORE.json AFTER.json OUT.png [count] [phase index, default 2 = late].
// Each row: the digit's label, the pad's model input before (with what it was read as) and after.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [beforeFile, afterFile, out, countArg, phaseArg] = process.argv.slice(2);
const phase = Number(phaseArg ?? 2);
const rows = (f) => JSON.parse(readFileSync(f, 'utf8')).rows[phase];
const before = rows(beforeFile),
  after = rows(afterFile);
const byIndex = new Map(after.map((r) => [r.index, r]));
const pairs = before
  .filter((b) => b.pad !== b.label && b.input && byIndex.get(b.index)?.pad === b.label)
  .slice(0, Number(countArg ?? 5))
  .map((b) => ({ label: b.label, before: b, after: byIndex.get(b.index) }));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 420, height: 60 + 130 * pairs.length } });
await page.setContent('<body style="margin:8px;font:14px sans-serif;background:#fff"></body>');
await page.evaluate((pairs) => {
  const image = (bytes, caption) => {
    const fig = document.createElement('figure');
    fig.style.cssText = 'display:inline-block;margin:0 16px 8px 0;text-align:center';
    const c = document.createElement('canvas');
    c.width = c.height = 28;
    c.style.cssText = 'width:112px;height:112px;image-rendering:pixelated;border:1px solid #999';
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(28, 28);
    bytes.forEach((v, i) => img.data.set([v, v, v, 255], i * 4));
    ctx.putImageData(img, 0, 0);
    const cap = document.createElement('figcaption');
    cap.textContent = caption;
    fig.append(c, cap);
    return fig;
  };
  const head = document.createElement('div');
  head.textContent = 'true digit — model input before (read as) — after (read as)';
  document.body.append(head);
  for (const p of pairs) {
    const row = document.createElement('div');
    const label = document.createElement('strong');
    label.textContent = `${p.label}  `;
    label.style.cssText = 'display:inline-block;width:24px;vertical-align:top;font-size:22px';
    row.append(label, image(p.before.input, `before: ${p.before.pad}`), image(p.after.input, `after: ${p.after.pad}`));
    document.body.append(row);
  }
}, pairs);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`${pairs.length} digits misread before and read after → ${out}`);
