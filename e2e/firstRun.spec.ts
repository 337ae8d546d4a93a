import { expect, test, type Page } from '@playwright/test';
import { drawStroke } from './helpers';

/** The element is entirely inside the viewport (no scrolling needed to see it). */
async function expectInView(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const vp = page.viewportSize()!;
  expect(box, testId).not.toBeNull();
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(vp.height);
  expect(box!.x + box!.width, `${testId} right`).toBeLessThanOrEqual(vp.width);
}

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
] as const)
  for (const locale of ['en', 'zh-CN'])
    test.describe(`${width}×${height}, ${locale}`, () => {
      test.use({ viewport: { width, height }, locale });
      test('Train, Step, Reset, the loss chart and the pad are in sight on first load', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
        // Drawing and clearing need no scrolling either.
        for (const id of ['train.start', 'train.step', 'train.reset', 'chart.loss', 'draw.pad', 'draw.clear'])
          await expectInView(page, id);
        await expect(page.getByTestId('guide')).toBeVisible(); // a first visit
        await page.getByTestId('train.start').click();
        await expectInView(page, 'train.pause');
        await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0); // pressing Train did not scroll
      });
    });

test('the guide follows a first run — Train, the loss falling, an epoch, a drawing — and stays dismissed', async ({
  page,
}) => {
  await page.goto('/#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.003&bs=128&seed=42&n=3000');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  const guide = page.getByTestId('guide');
  await expect(guide).toHaveAttribute('data-step', 'train');
  await expect(guide.getByRole('status')).toContainText('Press Train');
  // Before any training the charts and the prediction say what will appear, instead of empty axes and 0% bars.
  await expect(page.getByTestId('chart.loss').getByTestId('chart.empty')).toContainText('press Train');
  await expect(page.getByTestId('chart.loss')).not.toContainText('0.00');
  await expect(page.getByTestId('draw.empty')).toBeVisible();
  await expect(page.getByTestId('draw.prob-0')).toHaveCount(0);

  await page.getByTestId('train.start').click();
  await expect(guide).toHaveAttribute('data-step', /watch|learning|draw/);
  await expect(guide).toHaveAttribute('data-step', /learning|draw/, { timeout: 60_000 });
  await expect(guide).toHaveAttribute('data-step', 'draw', { timeout: 120_000 });
  await expect(guide.getByRole('status')).toContainText('draw a digit');
  await drawStroke(page, [
    [0.5, 0.2],
    [0.5, 0.8],
  ]);
  await expect(guide).toHaveAttribute('data-step', 'done');
  await page.getByTestId('guide.dismiss').click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('status.state')).not.toHaveText('loading', { timeout: 120_000 });
  await expect(page.getByTestId('guide')).toHaveCount(0);
  // The header's "?" brings it back, with the keyboard shortcuts.
  await page.getByTestId('guide.open').click();
  await expect(page.getByTestId('guide')).toContainText('Space');
});

test('keyboard shortcuts: Space trains and pauses, S steps, C clears the pad — never while typing', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('s');
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await expect(page.getByTestId('ui.announcer')).toHaveText(/One batch trained|after batch 1/);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status.state')).toHaveText('training');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  const batch = await page.getByTestId('status.batch').textContent();

  // Typing in a field: the keys are text, not shortcuts.
  const lr = page.getByTestId('hp.learning-rate');
  await lr.click();
  await page.keyboard.press('s');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  await expect(page.getByTestId('status.batch')).toHaveText(batch!);
  await expect(lr).toHaveValue(/s/); // the key went into the field
  await lr.fill('0.003');
  await lr.press('Enter');
  await page.getByTestId('draw.pad').scrollIntoViewIfNeeded();

  await drawStroke(page, [
    [0.3, 0.3],
    [0.7, 0.7],
  ]);
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^\d$/);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('c');
  await expect(page.getByTestId('draw.prediction')).toHaveText('');
  await expect(page.getByTestId('ui.announcer')).toHaveText('Pad cleared.');
});

test('the guide stays out of presenter mode and of exercise links, unless the link asks for it', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('guide')).toBeVisible();
  await page.getByTestId('ui.presenter').click();
  await expect(page.getByTestId('guide')).toHaveCount(0);
  await page.getByTestId('ui.presenter').click();
  await expect(page.getByTestId('guide')).toBeVisible();

  // A visitor who has not seen the guide opens an exercise link: the task, not the tour ...
  const link = '/#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.003&bs=128&seed=42&lock=network';
  const student = await context.newPage();
  await student.goto(link);
  await expect(student.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(student.getByTestId('builder.add-layer')).toBeDisabled();
  await expect(student.getByTestId('guide')).toHaveCount(0);
  // ... unless the link says guide=1.
  const guided = await context.newPage();
  await guided.goto(`${link}&guide=1`);
  await expect(guided.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(guided.getByTestId('builder.add-layer')).toBeDisabled();
  await expect(guided.getByTestId('guide')).toBeVisible();
});
