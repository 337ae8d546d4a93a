import { expect, test } from '@playwright/test';

test.describe('first visit from a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('speaks Simplified Chinese, switches to English at any time and keeps the choice in the URL', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
    await expect(page.getByTestId('ui.language')).toHaveValue('zh-CN');
    await expect(page).toHaveURL(/lang=zh-CN/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('train.start')).toHaveText('训练');
    await expect(page.getByRole('heading', { name: '超参数' })).toBeVisible();
    await expect(page.getByText('一个有 128 个 ReLU 单元的隐藏层')).toBeVisible();

    // A problem made by the pure shape inference arrives translated.
    await page.getByRole('button', { name: '删除第 1 层' }).click();
    await expect(page.getByTestId('builder.problem')).toHaveText(
      '第 1 层：Dense 层需要一维输入，但收到的是 28×28×1：请在它前面加一个 Flatten 层。',
    );
    await page.getByRole('button', { name: '插入 Flatten 层' }).click();
    await expect(page.getByTestId('builder.problem')).toHaveCount(0);

    // Train one batch: the status words are Chinese, the contract's plain value stays readable.
    await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 60_000 });
    await page.getByTestId('train.step').click();
    await expect(page.getByTestId('status.batch')).toHaveText('1');

    // The explanation opens in Chinese.
    await page.getByLabel('解释：学习率与梯度下降').click();
    await expect(page.getByText('学习率就是步长')).toBeVisible();

    // Switch language: everything changes at once, the URL follows, the choice survives a reload.
    await page.getByTestId('ui.language').selectOption('en');
    await expect(page.getByTestId('train.start')).toHaveText('Resume');
    await expect(page.getByText('Backpropagation works out')).toBeVisible();
    await expect(page).toHaveURL(/lang=en/);
    await page.reload();
    await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
    await expect(page.getByTestId('train.start')).toHaveText('Train');
    await expect(page.getByTestId('ui.language')).toHaveValue('en');
  });
});

test('a shared link in Chinese opens in Chinese even in an English browser', async ({ page }) => {
  await page.goto('/#v=1&net=f,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42&lang=zh-CN');
  await expect(page.getByTestId('builder.params')).toHaveText('7850');
  await expect(page.getByTestId('builder.preset')).toHaveValue('logistic');
  await expect(page.getByText('没有隐藏层：每个数字的得分只是像素的加权和')).toBeVisible();
  await expect(page.getByTestId('ui.language')).toHaveValue('zh-CN');
});
