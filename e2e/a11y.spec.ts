import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

const describe = (v: { id: string; help: string; nodes: { target: unknown[] }[] }) =>
  `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`;

/**
 * Serious and critical axe violations on the page as it is now: axe's default rules, the WCAG 2.0/2.1 A and AA
 * rules by tag, and "label in name" (WCAG 2.5.3, an axe rule that is off by default) at any impact.
 */
async function serious(page: Page) {
  const all = await new AxeBuilder({ page }).analyze();
  const wcag = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const labelInName = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  const bad = [...all.violations, ...wcag.violations].filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return [...new Set([...bad, ...labelInName.violations].map(describe))];
}

test('no serious or critical accessibility violations on the main views', async ({ page }) => {
  await openReady(page);
  expect(await serious(page), 'ready').toEqual([]);

  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.epoch')).toHaveText('1', { timeout: 150_000 });
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  await page.getByTestId('insight.confusion-4-4').click();
  await expect(page.getByTestId('insight.gallery-item').first()).toBeVisible();
  expect(await serious(page), 'after an epoch, with the confusion matrix and gallery').toEqual([]);

  await page.getByTestId('ui.presenter').click();
  expect(await serious(page), 'presenter mode').toEqual([]);
  await page.getByTestId('ui.presenter').click();

  await page.getByTestId('ui.language').selectOption('zh-CN');
  await expect(page.getByTestId('train.start')).toHaveText('继续');
  await page.getByText('练习链接', { exact: true }).click();
  await page.getByTestId('ui.exercise-network').selectOption('locked');
  expect(await serious(page), 'in Chinese, with the exercise menu open and the network locked').toEqual([]);
});
