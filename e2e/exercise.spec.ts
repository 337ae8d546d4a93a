import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('a teacher builds an exercise link; students see the hidden parts gone and the locked ones disabled', async ({
  page,
  context,
}) => {
  await openReady(page);
  await page.getByText('Exercise link', { exact: true }).click();
  await page.getByTestId('ui.exercise-network').selectOption('locked');
  await page.getByTestId('ui.exercise-insights').selectOption('hidden');
  await page.getByTestId('ui.exercise-share').selectOption('hidden');
  // The teacher sees at once what students will see.
  await expect(page.getByRole('region', { name: 'Inside the network' })).toHaveCount(0);
  await expect(page.getByTestId('builder.add-layer')).toBeDisabled();
  await expect(page).toHaveURL(/hide=insights,share/);
  await expect(page).toHaveURL(/lock=network/);
  const link = page.url();

  const student = await context.newPage();
  await student.goto(link);
  await expect(student.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(student.getByRole('region', { name: 'Inside the network' })).toHaveCount(0);
  await expect(student.getByTestId('io.save')).toHaveCount(0);
  await expect(student.getByTestId('ui.locked-network')).toBeVisible();
  await expect(student.getByTestId('builder.add-layer')).toBeDisabled();
  await expect(student.getByTestId('builder.preset')).toBeDisabled();
  await expect(student.getByRole('button', { name: 'Remove layer 1' })).toBeDisabled();
  // Students cannot undo the exercise from the page; training and drawing still work.
  await expect(student.getByTestId('ui.exercise')).toHaveCount(0);
  await student.getByTestId('train.step').click();
  await expect(student.getByTestId('status.batch')).toHaveText('1');
});

test('a link with an unknown part still opens, says so, and applies the rest', async ({ page }) => {
  await page.goto('/#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42&hide=charts,bogus');
  await expect(page.getByTestId('ui.notice')).toContainText('unknown part "bogus"');
  await expect(page.getByRole('region', { name: 'Live charts' })).toHaveCount(0);
  await expect(page.getByTestId('draw.pad')).toBeVisible();
});
