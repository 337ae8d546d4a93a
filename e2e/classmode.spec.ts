// Class mode as a class uses it: the teacher builds a challenge link with a predict-first question; two students
// open it, answer (training stays locked until they do), train to the epoch limit and hand in; the teacher's
// board shows both rows sorted, the scatter, and Verify replays a real code to "yes"; a code whose claimed
// accuracy was raised (checksum recomputed) replays to "no"; a code with a typo is refused at add.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeProblemsIn } from './helpers';
import { unwrapCode, wrapCode } from '../src/model/codeEnvelope';

const SHOTS = process.env.CLASS_SHOTS; // a folder to save screenshots to, when set

async function ready(page: Page) {
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
}

/** A student opens the link, answers, trains until the challenge's epoch limit pauses it, and hands in. */
async function student(browser: Browser, link: string, name: string, preset: string | null): Promise<string> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await ready(page);
  await expect(page.getByTestId('challenge.banner')).toHaveText(/90\.0%.*1 epoch/);
  if (preset) {
    await page.getByTestId('builder.preset').selectOption(preset);
    await ready(page);
  }
  // The question is not answered: Train and Step are disabled, and the keys do nothing.
  await expect(page.getByTestId('train.start')).toBeDisabled();
  await expect(page.getByTestId('train.step')).toBeDisabled();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await page.keyboard.press('s');
  await expect(page.getByTestId('status.state')).toHaveText('ready');
  await expect(page.getByTestId('handin.submit')).toBeDisabled();
  await page.getByTestId('challenge.answer').fill(`${name}: 0.01 wins`);
  await expect(page.getByTestId('train.start')).toBeEnabled();
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 150_000 });
  await expect(page.getByTestId('challenge.answer')).toHaveAttribute('readonly', '');
  await page.getByTestId('handin.name').fill(name);
  await page.getByTestId('handin.submit').click();
  const code = page.getByTestId('handin.code');
  await expect(code).toHaveText(/^MNP1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  expect(await axeProblemsIn(page, 'challenge.panel')).toEqual([]);
  const text = (await code.textContent())!;
  expect(text.length).toBeLessThanOrEqual(2000);
  if (SHOTS && !preset) {
    await page.locator('.challenge-banner').screenshot({ path: `${SHOTS}/challenge-handin.png` });
  }
  await page.context().close();
  return text;
}

test('class mode: a challenge link, two hand-ins, the board sorted, Verify yes, a forged code no, a typo refused', async ({
  browser,
  page: teacher,
}) => {
  await teacher.goto('/');
  await ready(teacher);
  await teacher.getByTestId('ui.exercise').locator('summary').click();
  await teacher.getByTestId('challenge.open').click();
  await teacher.getByTestId('challenge.target').fill('0.9');
  await teacher.getByTestId('challenge.max-params').fill('0');
  await teacher.getByTestId('challenge.max-epochs').fill('1');
  await teacher.getByTestId('challenge.question').fill('Which learning rate will reach 97% first?');
  const linkBox = teacher.getByTestId('challenge.link');
  await expect(linkBox).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#v=1&net=.*&ep=1.*&goal=0\.9&maxe=1&q=Which/);
  const link = await linkBox.inputValue();
  expect(link.length).toBeLessThan(2000);
  await teacher.getByRole('button', { name: 'QR code' }).click();
  await expect(teacher.getByTestId('challenge.qr')).toBeVisible();
  if (SHOTS) await teacher.locator('.challenge-form').screenshot({ path: `${SHOTS}/challenge-form.png` });

  const ada = await student(browser, link, 'Ada', null); // the founding MLP
  const bo = await student(browser, link, 'Bo', 'logistic'); // a different network: 7,850 parameters

  await teacher.getByTestId('board.open').click();
  await teacher.getByTestId('board.codes').fill(`${bo}\n\n${ada}\n${ada}`); // an exact duplicate is ignored
  await teacher.getByTestId('board.add').click();
  const rows = teacher.getByTestId('board.row');
  await expect(rows).toHaveCount(2);
  await expect(teacher.getByTestId('board.error')).toHaveCount(0);
  const acc = await rows.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-accuracy'))));
  expect(acc[0]).toBeGreaterThanOrEqual(acc[1]);
  expect(acc.every((a) => /^0\.\d+$/.test(String(a)))).toBe(true);
  await expect(rows.first()).toHaveAttribute('data-accuracy', /^0\.\d{4}$/);
  const names = await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-name')));
  expect(names).toEqual(acc[0] === acc[1] ? ['Bo', 'Ada'] : ['Ada', 'Bo']); // the MLP reads better; ties: fewer params
  await expect(teacher.getByTestId('board.scatter')).toHaveAttribute('data-points', '2');

  // Verify Ada's real code: a replay from her seed on this machine's backend agrees.
  const adaRow = rows.filter({ has: teacher.locator('th', { hasText: 'Ada' }) });
  const t0 = Date.now();
  await adaRow.getByTestId('board.verify').click();
  await expect(adaRow.getByTestId('board.verified')).toHaveText('running');
  await expect(adaRow.getByTestId('board.verified')).toHaveText('yes', { timeout: 150_000 });
  console.log(`Verify of the founding MLP at 1 epoch: ${((Date.now() - t0) / 1000).toFixed(1)} s (page clock)`);

  // A forged code: the claimed accuracy raised by 0.03, the checksum recomputed. It decodes, but the replay says no.
  const u = unwrapCode(ada);
  if (!u.ok) throw new Error('Ada’s code does not unwrap');
  const payload = JSON.parse(u.json);
  payload.nm = 'Forger';
  payload.ep = payload.ep.map(([a, l]: [number, number]) => [Math.min(1, +(a + 0.03).toFixed(4)), l]);
  const forged = wrapCode(JSON.stringify(payload));
  await teacher.getByTestId('board.codes').fill(forged);
  await teacher.getByTestId('board.add').click();
  await expect(rows).toHaveCount(3);
  const forgerRow = rows.filter({ has: teacher.locator('th', { hasText: 'Forger' }) });
  await expect(rows.first()).toHaveAttribute('data-name', 'Forger'); // its claim sorts it first…
  await forgerRow.getByTestId('board.verify').click();
  await expect(forgerRow.getByTestId('board.verified')).toHaveText('no', { timeout: 150_000 }); // …until replayed

  // A typo in a code: the checksum catches it at add; nothing is added and the line stays in the box.
  const i = 40;
  const typo = bo.slice(0, i) + (bo[i] === 'x' ? 'y' : 'x') + bo.slice(i + 1);
  await teacher.getByTestId('board.codes').fill(typo);
  await teacher.getByTestId('board.add').click();
  await expect(teacher.getByTestId('board.error')).toContainText(/checksum/);
  await expect(rows).toHaveCount(3);
  await expect(teacher.getByTestId('board.codes')).toHaveValue(typo);
  expect(await axeProblemsIn(teacher, 'board.panel')).toEqual([]);

  // The board is kept in this browser: after a reload it comes back with its verdicts.
  await teacher.reload();
  await ready(teacher);
  await teacher.getByTestId('ui.exercise').locator('summary').click();
  await teacher.getByTestId('board.open').click();
  await expect(rows).toHaveCount(3);
  await expect(adaRow.getByTestId('board.verified')).toHaveText('yes');
  // A hand-in file (with its comment header) opens too: Bo removed, then back from his file.
  const boRow = rows.filter({ has: teacher.locator('th', { hasText: 'Bo' }) });
  await boRow.getByRole('button', { name: 'Remove Bo' }).click();
  await expect(rows).toHaveCount(2);
  await teacher.getByTestId('board.files').setInputFiles([
    {
      name: 'hand-in-Bo.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`# MNIST Playground hand-in by Bo.\n${bo}\n`),
    },
  ]);
  await expect(rows).toHaveCount(3);
  if (SHOTS) {
    await teacher.getByTestId('board.panel').screenshot({ path: `${SHOTS}/board.png` });
    await teacher.getByTestId('ui.presenter').click();
    await teacher.getByTestId('board.panel').scrollIntoViewIfNeeded();
    await teacher.setViewportSize({ width: 1280, height: 720 });
    await teacher.screenshot({ path: `${SHOTS}/board-presenter.png` });
  }
});
