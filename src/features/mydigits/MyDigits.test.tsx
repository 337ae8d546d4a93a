// @vitest-environment jsdom
// My digits as a person uses them: the label follows the prediction until picked, holds while the drawing
// changes, and goes back after adding; the panel shows the set by label, deletes, clears after asking, reports
// the last epoch's readings, and a refused file leaves the set as it was.
import { act, fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDigit } from '../../data/myDigits';
import { fake } from '../../testing/fakeClient';
import { renderWith, setUpPageTests, stubCanvas } from '../../testing/renderPage';
import { useStore } from '../../store/store';
import AddToMyDigits from './AddToMyDigits';
import MyDigitsPanel from './MyDigitsPanel';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

beforeAll(stubCanvas);

const input = (k: number) => Array.from({ length: 784 }, (_, i) => ((i * k) % 13) / 12);
const probs = (d: number) => Array.from({ length: 10 }, (_, i) => (i === d ? 0.91 : 0.01));
const digit = (label: number, k: number) => makeDigit(label, input(k), null)!;

describe('Add to my digits', () => {
  it('presets the label to the prediction and keeps a picked one while the drawing changes', () => {
    renderWith(<AddToMyDigits strokes={() => null} />, { draw: { input: input(1), probs: probs(4), activations: [] } });
    const label = screen.getByTestId('mydigits.label') as HTMLSelectElement;
    expect(label.value).toBe('4');
    fireEvent.change(label, { target: { value: '9' } });
    act(() => useStore.setState((s) => ({ draw: { ...s.draw, input: input(2), probs: probs(7) } })));
    expect(label.value).toBe('9');
    fireEvent.click(screen.getByTestId('mydigits.add'));
    expect(useStore.getState().mine.items.map((d) => d.label)).toEqual([9]);
    expect(label.value).toBe('9');
    expect(screen.getByRole('status').textContent).toMatch(/Added a 9/);
    // The worker gets the new set.
    expect(fake.sent.at(-1)).toMatchObject({ type: 'setMyDigits', version: 1 });
    // The same drawing again is not added twice.
    fireEvent.click(screen.getByTestId('mydigits.add'));
    expect(useStore.getState().mine.items).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toMatch(/already/);
  });

  it('clearing the pad returns the label to the prediction', () => {
    renderWith(<AddToMyDigits strokes={() => null} />, { draw: { input: input(1), probs: probs(2), activations: [] } });
    const label = screen.getByTestId('mydigits.label') as HTMLSelectElement;
    fireEvent.change(label, { target: { value: '5' } });
    act(() => useStore.setState((s) => ({ draw: { ...s.draw, input: null, probs: null } })));
    act(() => useStore.setState((s) => ({ draw: { ...s.draw, input: input(3), probs: probs(8) } })));
    expect(label.value).toBe('8');
  });
});

describe('My digits panel', () => {
  const items = [digit(1, 1), digit(1, 2), digit(7, 3)];

  it('shows the set by label with its count; delete and clear (after asking) change it', () => {
    renderWith(<MyDigitsPanel />, { mine: { items, version: 3 } });
    expect(screen.getByTestId('mydigits.count').textContent).toBe('3');
    expect(screen.getAllByTestId('mydigits.item').map((e) => e.dataset.label)).toEqual(['1', '1', '7']);
    expect(screen.getByTestId('metrics.mydigits-accuracy').textContent).toBe('');
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete this 1' })[0]);
    expect(screen.getByTestId('mydigits.count').textContent).toBe('2');
    vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByTestId('mydigits.clear'));
    expect(screen.getByTestId('mydigits.count').textContent).toBe('2');
    fireEvent.click(screen.getByTestId('mydigits.clear'));
    expect(screen.getByTestId('mydigits.count').textContent).toBe('0');
  });

  it("shows the last epoch's accuracy, per digit, and the misread ones", () => {
    renderWith(<MyDigitsPanel />, {
      mine: { items, version: 3, predicted: [1, 7, 7], evalVersion: 3, evalEpoch: 2 },
      metrics: { epochs: [{ epoch: 2, batch: 1874, testAccuracy: 0.97, testLoss: 0.1, mineAccuracy: 2 / 3 }] },
    });
    expect(screen.getByTestId('metrics.mydigits-accuracy').textContent).toBe('0.6667');
    expect(document.querySelector('.mine-readings')?.textContent).toContain('2 of 3 read right after epoch 2');
    expect(screen.getByText('1: 1/2')).toBeTruthy();
    expect(screen.getByText('1→7')).toBeTruthy();
  });

  it('refuses a damaged file whole with a message and keeps the set', async () => {
    renderWith(<MyDigitsPanel />, { mine: { items, version: 3 } });
    const file = new File(['{"format":"mnist-playground-digits","version":1,"digits":[{"label":"x"}]}'], 'bad.json');
    await act(async () => {
      fireEvent.change(screen.getByTestId('mydigits.file-input'), { target: { files: [file] } });
    });
    expect((await screen.findByTestId('io.error')).textContent).toMatch(/digit 1: its label/);
    expect(useStore.getState().mine.items).toHaveLength(3);
  });

  it('the train-with box is a field of the experiment', () => {
    renderWith(<MyDigitsPanel />, { mine: { items, version: 3 } });
    fireEvent.click(screen.getByTestId('mydigits.train-with'));
    expect(useStore.getState().config.train.trainWithMine).toBe(true);
  });
});
