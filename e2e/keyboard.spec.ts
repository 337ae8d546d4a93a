import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

/** Presses Tab until the element with this test id has focus (at most `limit` times). */
async function tabTo(page: Page, testId: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('keyboard only: train, pause, try a test image; focus is visible and a screen reader hears progress and the prediction', async ({
  page,
}) => {
  await openReady(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await tabTo(page, 'train.step');
  // Focus is visible: an outline of real width on the focused control.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
  expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status.batch')).toHaveText('1');

  await page.keyboard.press('Shift+Tab'); // back to Train
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ui.announcer')).toHaveText('Training started.');
  await expect(page.getByTestId('train.pause')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ui.announcer')).toContainText('Training paused after batch');

  // Changing the learning rate and optimizer from the keyboard.
  await tabTo(page, 'hp.learning-rate');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0.02');
  await expect(page).toHaveURL(/lr=0.02/);

  // The drawing pad's keyboard alternative: a test image, then the prediction is read out.
  await tabTo(page, 'draw.sample');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^[0-9]$/);
  await expect(page.getByTestId('ui.announcer')).toHaveText(/^Prediction: [0-9], \d+% sure\.$/);

  // Explanations open from the keyboard too.
  await page.getByLabel('Explain: Neurons, weights and layers').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('the strength of a synapse')).toBeVisible();
});
