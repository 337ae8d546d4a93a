// @vitest-environment jsdom
// Class mode as students and a teacher use it, against a stand-in worker: the question gates Train, Step and the
// keys until answered and the answer is fixed once training started; Hand in writes a code holding the run's
// log, name and answer; the board adds codes sorted, refuses a typo, verifies against a replay, and marks a run
// something else shaped as unverifiable without replaying it.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../model/training';
import { presetById } from '../../model/presets';
import { fake, replayFake } from '../../testing/fakeClient';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import { sample } from '../../testing/submissionFixture';
import { TrainButtons } from '../train';
import ChallengeBanner from './ChallengeBanner';
import ClassBoard from './ClassBoard';
import { decodeSubmission, encodeSubmission, type Submission } from './resultCode';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

// jsdom has no ResizeObserver: the scatter measures nothing and draws no plot, which these tests do not read.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const challenge = { target: 0.95, maxParams: 0, maxEpochs: 1, question: 'Which rate wins?' };
const mlp = presetById('mlp-seed').network;

describe('the challenge banner', () => {
  it('keeps training locked until the question is answered', () => {
    renderWith(
      <>
        <TrainButtons />
        <ChallengeBanner />
      </>,
      { challenge: { active: challenge }, status: { state: 'ready' } },
    );
    expect(screen.getByTestId('challenge.banner').textContent).toBe('Reach 95.0% test accuracy within 1 epoch(s).');
    expect(screen.getByTestId('train.start')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('train.step')).toHaveProperty('disabled', true);
    fireEvent.keyDown(document.body, { key: ' ' });
    fireEvent.keyDown(document.body, { key: 's' });
    expect(fake.sent).toEqual([]);
    fireEvent.change(screen.getByTestId('challenge.answer'), { target: { value: '0.01' } });
    expect(screen.getByTestId('train.start')).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByTestId('train.start'));
    expect(fake.sent).toEqual([{ type: 'start' }]);
  });

  it('hands in the run the worker logged, with the name and the answer; the answer is fixed once training ran', async () => {
    const log = {
      start: { network: mlp, config: { ...DEFAULT_CONFIG, epochLimit: 1 } },
      changes: [
        { batch: 50, network: mlp, config: { ...DEFAULT_CONFIG, epochLimit: 1, learningRate: 0.02 } },
        { batch: 2000, network: mlp, config: { ...DEFAULT_CONFIG, learningRate: 0.5 } }, // after the epoch counted
      ],
      taints: [],
      backend: 'wasm' as const,
      batch: 1000,
      epoch: 1,
    };
    fake.answers.runLog = () => log;
    renderWith(<ChallengeBanner />, {
      challenge: { active: challenge, answer: '0.02' },
      status: { state: 'paused', batch: 937 },
      metrics: {
        epochs: [
          { epoch: 1, batch: 937, testAccuracy: 0.9612, testLoss: 0.13 },
          { epoch: 2, batch: 1874, testAccuracy: 0.99, testLoss: 0.05 }, // beyond the limit: does not count
        ],
        series: [{ batch: 937, loss: 0.2, accuracy: 0.95 }],
      },
    });
    fireEvent.change(screen.getByTestId('challenge.answer'), { target: { value: 'changed my mind' } });
    expect(screen.getByTestId('challenge.answer')).toHaveProperty('value', '0.02');
    fireEvent.change(screen.getByTestId('handin.name'), { target: { value: 'Ada' } });
    await act(async () => fireEvent.click(screen.getByTestId('handin.submit')));
    const code = await screen.findByTestId('handin.code');
    const d = decodeSubmission(code.textContent!);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value).toMatchObject({ name: 'Ada', answer: '0.02', backend: 'wasm', challenge });
    expect(d.value.epochs).toEqual([{ epoch: 1, testAccuracy: 0.9612, testLoss: 0.13 }]);
    expect(d.value.changes.map((c) => c.batch)).toEqual([50]);
    expect(screen.getByRole('status').textContent).toMatch(/goal reached with 96\.12%/);
  });
});

describe('the class board', () => {
  const code = (name: string, acc: number, taints: Submission['taints'] = []) =>
    encodeSubmission(sample({ name, taints, epochs: [{ epoch: 1, testAccuracy: acc, testLoss: 0.1 }] }))!;

  it('adds codes sorted, refuses a typo, verifies by replay and marks a shaped run unverifiable', async () => {
    const a = code('Ada', 0.9612),
      b = code('Bo', 0.97),
      c = code('Cy', 0.95, ['sweep']);
    const typo = a.slice(0, 25) + (a[25] === 'Z' ? 'Y' : 'Z') + a.slice(26);
    renderWith(<ClassBoard />);
    fireEvent.change(screen.getByTestId('board.codes'), { target: { value: `${a}\n${typo}\n${b}\n${c}` } });
    fireEvent.click(screen.getByTestId('board.add'));
    const rows = () => screen.getAllByTestId('board.row');
    expect(rows().map((r) => [r.dataset.name, r.dataset.accuracy])).toEqual([
      ['Bo', '0.9700'],
      ['Ada', '0.9612'],
      ['Cy', '0.9500'],
    ]);
    expect(screen.getByTestId('board.error').textContent).toMatch(/line 2: the checksum does not match/);
    expect(screen.getByTestId('board.codes')).toHaveProperty('value', typo);
    expect(screen.getByTestId('board.scatter').dataset.points).toBe('3');
    expect(rows()[2].querySelector('[data-testid="board.verified"]')!.textContent).toBe('unverifiable');

    replayFake.answer = () => ({ accuracies: [0.9612], backend: 'wasm', seconds: 2 });
    await act(async () => fireEvent.click(rows()[1].querySelector('[data-testid="board.verify"]')!));
    await waitFor(() => expect(rows()[1].querySelector('[data-testid="board.verified"]')!.textContent).toBe('yes'));
    expect(replayFake.asked[0]).toMatchObject({ epochs: 1, backend: 'wasm' });
    await act(async () => fireEvent.click(rows()[0].querySelector('[data-testid="board.verify"]')!)); // claims 0.97
    await waitFor(() => expect(rows()[0].querySelector('[data-testid="board.verified"]')!.textContent).toBe('no'));
    await act(async () => fireEvent.click(rows()[2].querySelector('[data-testid="board.verify"]')!));
    expect(replayFake.asked).toHaveLength(2); // the unverifiable run is not replayed
  });
});
