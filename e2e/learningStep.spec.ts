import { expect, test, type Page } from '@playwright/test';
import { axeProblemsIn, openReady } from './helpers';

const num = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));

/** Types η into the view and waits until the step shown was computed with it. */
async function setRate(page: Page, eta: string) {
  await page.getByTestId('step.lr').fill(eta);
  await expect(page.getByTestId('step.update-formula')).toHaveAttribute('data-tex', new RegExp(`\\\\eta = ${eta}$`), {
    timeout: 60_000,
  });
  await expect(page.getByText('Computing the step…')).toHaveCount(0);
}

test('one learning step on a test image: forward, backward, update (η small and η = 50), finite differences', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('step.open').click();
  const stage = page.getByTestId('step.stage');
  await expect(stage).toHaveAttribute('data-stage', 'forward');
  await expect(page.getByTestId('step.loss-before')).toHaveText(/^\d/, { timeout: 60_000 });
  await expect(page.getByTestId('step.probs')).toBeVisible();
  await expect(page.getByTestId('step.loss-after')).toHaveCount(0); // not before the update is shown

  await page.getByTestId('step.next').click();
  await expect(stage).toHaveAttribute('data-stage', 'backward');
  await expect(page.getByTestId('step.dlogits')).toBeVisible();
  await expect(page.getByTestId('step.grad-units')).toBeVisible(); // the first Dense layer's gradients as 28×28 pictures

  await page.getByTestId('step.next').click();
  await expect(stage).toHaveAttribute('data-stage', 'update');
  // The default rate (the training's, 0.01): a small step down the gradient lowers the loss on this image.
  const before = await num(page, 'step.loss-before');
  const after = await num(page, 'step.loss-after');
  expect(after).toBeLessThan(before);
  await expect(page.getByTestId('step.verdict')).toHaveAttribute('data-verdict', 'down');

  // η = 50: the view computes what happens and says it as the numbers show, up or down.
  await setRate(page, '50');
  const before50 = await num(page, 'step.loss-before');
  const after50 = await num(page, 'step.loss-after');
  expect(before50).toBeCloseTo(before, 6); // same image, same copied weights
  expect(after50).not.toBeCloseTo(after, 3);
  await expect(page.getByTestId('step.verdict')).toHaveAttribute('data-verdict', after50 > before50 ? 'up' : 'down');

  await page.getByTestId('step.next').click();
  await expect(stage).toHaveAttribute('data-stage', 'check');
  await page.getByTestId('step.fd-run').click();
  await expect(page.getByTestId('step.fd-error')).toBeVisible({ timeout: 60_000 });
  expect(await num(page, 'step.fd-error')).toBeLessThan(1e-3);
  expect(await page.getByTestId('step.fd-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
  expect(await axeProblemsIn(page, 'step.panel')).toEqual([]);

  // Only shown: the model's weights are untouched until "apply"; then the page says when it was applied.
  await page.getByTestId('step.prev').click();
  await page.getByTestId('step.apply').click();
  await expect(page.getByText(/Applied to the model at batch \d+/)).toBeVisible();
});

test('the learning step works for the CNN preset, by keyboard, and in Chinese', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('builder.preset').selectOption('cnn-small');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('ui.language').selectOption('zh-CN');

  await page.getByTestId('step.open').focus();
  await page.keyboard.press('Enter');
  const stage = page.getByTestId('step.stage');
  await expect(page.getByTestId('step.loss-before')).toHaveText(/^\d/, { timeout: 60_000 });
  await expect(stage).toContainText('Conv2D 卷积');
  // Arrow keys move along the stage tabs; the tab keeps focus.
  await page.getByRole('tab', { name: /前向/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(stage).toHaveAttribute('data-stage', 'backward');
  await expect(page.getByRole('tab', { name: /反向/ })).toBeFocused();
  await expect(page.getByText(/3×3 卷积核的 ∂L\/∂W/).first()).toBeVisible(); // filter gradients of the convolutions
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(stage).toHaveAttribute('data-stage', 'check');
  await page.getByTestId('step.fd-run').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step.fd-error')).toBeVisible({ timeout: 60_000 });
  expect(await num(page, 'step.fd-error')).toBeLessThan(1e-3);
  expect(await axeProblemsIn(page, 'step.panel')).toEqual([]);
  await page.getByRole('tab', { name: /检验/ }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('step.panel')).toHaveCount(0);
  await expect(page.getByTestId('step.open')).toBeFocused();
});

test('the "One step of learning" lesson opens the view on a test digit the model misreads', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('ui.lesson').selectOption('one-step');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('lesson.step-open').click();
  await expect(page.getByTestId('step.loss-before')).toHaveText(/^\d/, { timeout: 60_000 });
  // Misread: the true digit is not the most probable one, so its probability is below one half.
  const p = await page.getByTestId('step.probs').getAttribute('data-true');
  expect(Number(p)).toBeLessThanOrEqual(0.5);
});
