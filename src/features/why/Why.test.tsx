// @vitest-environment jsdom
// "Why did it say that?" as a person uses it, against a stand-in worker: the saliency picture of the predicted
// class with both signs, "and not" asking for the difference; the attack's ε checked before searching, its
// result shown and handed to the pad as it is; the map's points, classes and 5-NN measure, kept per epoch and
// started over when training is reset; a network without a hidden layer says so.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { presetById } from '../../model/presets';
import type { HiddenMap } from '../../protocol/requests';
import { fake } from '../../testing/fakeClient';
import { renderWith, setUpPageTests, stubCanvas } from '../../testing/renderPage';
import { useStore } from '../../store/store';
import { openWhy, refreshMap } from './actions';
import WhyPanel from './WhyPanel';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

beforeAll(stubCanvas);

const input = Array.from({ length: 784 }, (_, i) => ((i * 7) % 13) / 12);
const probs = (d: number) => Float32Array.from({ length: 10 }, (_, i) => (i === d ? 0.91 : 0.01));

function mapAnswer(epoch: number, knn = 0.8): HiddenMap {
  const n = 50;
  return {
    layer: 1,
    width: 128,
    used: 128,
    epoch,
    batch: epoch * 100,
    indices: Int32Array.from({ length: n }, (_, i) => i),
    labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
    coords: Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i)),
    self: Float32Array.from([0.1, 0.2]),
    variance: [2, 1],
    knn,
    ms: 40,
    points: null,
    selfPoint: null,
    pixels: new Uint8Array(n * 784),
  };
}

function open(predicted = 4, network = presetById('mlp-seed').network) {
  fake.answers.explain = (q) => ({
    values: Float32Array.from({ length: 784 }, (_, i) => (i % 2 ? -0.5 : 0.25) * (q.versus === null ? 1 : 2)),
    probs: probs(predicted),
  });
  fake.answers.hiddenMap = () => mapAnswer(0);
  renderWith(<WhyPanel />, {
    draw: { input, probs: Array.from(probs(predicted)), activations: [], shown: null },
    config: { network },
  });
  act(() => openWhy());
}

describe('Why did it say that?', () => {
  it('shows the predicted class’s saliency with both signs, and the difference with another class', async () => {
    open(4);
    const picture = await screen.findByTestId('why.saliency');
    expect((screen.getByTestId('why.class') as HTMLSelectElement).value).toBe('4');
    expect(Number(picture.getAttribute('data-min'))).toBe(-0.5);
    expect(Number(picture.getAttribute('data-max'))).toBe(0.25);
    fireEvent.change(screen.getByTestId('why.versus'), { target: { value: '9' } });
    await waitFor(() => expect(screen.getByTestId('why.saliency').getAttribute('data-max')).toBe('0.5000'));
    expect(fake.requests.filter((r) => r.type === 'explain').at(-1)!.question).toMatchObject({ cls: 4, versus: 9 });
    expect(screen.getByTestId('why.saliency').getAttribute('aria-label')).toMatch(/Why 4 and not 9/);
  });

  it('checks ε, shows the attack’s result and hands the changed image to the pad as it is', async () => {
    open(7);
    const changed = Float32Array.from(input, (v, i) => Math.min(1, v + (i % 3 ? 0.05 : 0)));
    fake.answers.attack = (q) => ({
      found: true,
      pixels: changed,
      change: 0.05,
      predicted: q.target,
      probs: probs(q.target),
      before: probs(7),
    });
    const eps = screen.getByTestId('why.attack-epsilon');
    fireEvent.change(eps, { target: { value: '2' } });
    expect((screen.getByTestId('why.attack-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/ε must be more than 0/)).toBeTruthy();
    fireEvent.change(eps, { target: { value: '0.3' } });
    fireEvent.change(screen.getByTestId('why.attack-target'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('why.attack-run'));
    await waitFor(() => expect(screen.getByTestId('why.attack-status').textContent).toBe('found'));
    expect(fake.requests.find((r) => r.type === 'attack')!.question).toMatchObject({ target: 3, epsilon: 0.3 });
    expect(screen.getByTestId('why.attack-prediction').textContent).toBe('3');
    expect(screen.getByTestId('why.attack-change').textContent).toBe('0.0500');
    expect(screen.getByTestId('why.attack-after').getAttribute('data-predicted')).toBe('3');
    fireEvent.click(screen.getByTestId('why.attack-use'));
    expect(useStore.getState().draw.shown).toEqual(Array.from(changed));
  });

  it('maps the test digits with their classes and keeps the measure per epoch, starting over after a reset', async () => {
    open();
    const map = await screen.findByTestId('why.map');
    await waitFor(() => expect(map.getAttribute('data-points')).toBe('50'));
    expect(map.getAttribute('data-classes')).toBe('10');
    expect(screen.getByTestId('why.map-self')).toBeTruthy();
    expect(screen.getByTestId('why.map-knn').textContent).toBe('0.8000');
    for (const [epoch, knn] of [
      [1, 0.61],
      [1, 0.7], // a later map of the same epoch does not replace the epoch's measure
      [2, 0.72],
    ]) {
      fake.answers.hiddenMap = () => mapAnswer(epoch, knn);
      await act(() => refreshMap());
    }
    expect(useStore.getState().why.knnHistory.map((h) => [h.epoch, h.knn])).toEqual([
      [1, 0.61],
      [2, 0.72],
    ]);
    expect(screen.getByTestId('why.map-knn-history').textContent).toMatch(/after 1: 0\.6100 · after 2: 0\.7200/);
    fake.answers.hiddenMap = () => mapAnswer(1, 0.5); // training was reset and has done one epoch again
    await act(() => refreshMap());
    expect(useStore.getState().why.knnHistory.map((h) => [h.epoch, h.knn])).toEqual([[1, 0.5]]);
  });

  it('maps the pixels themselves for a network without a hidden layer, and nothing for one that cannot be built', async () => {
    open(4, presetById('logistic').network);
    const layer = (await screen.findByTestId('why.map-layer')) as HTMLSelectElement;
    expect(Array.from(layer.options).map((o) => o.textContent)).toEqual(['1. Flatten (784 values)']);
    expect(fake.requests.find((r) => r.type === 'hiddenMap')!.question).toMatchObject({ layer: 0 });
  });

  it('says so when there is no layer to map', async () => {
    open(4, { layers: [{ kind: 'maxPool2d', poolSize: 40, stride: 1 }] });
    expect(await screen.findByText(/There is no layer to map/)).toBeTruthy();
    expect(fake.requests.some((r) => r.type === 'hiddenMap')).toBe(false);
  });
});
