// @vitest-environment jsdom
// The runs table: sorted by best accuracy on request, overlays toggled, renamed through the native prompt,
// deleted (not the run training now), and "Use settings" puts a run's network and settings back.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG } from '../../model/training';
import { newRun, type RunRecord } from '../../store/runs';
import { useStore } from '../../store/store';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import RunsPanel from './RunsPanel';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

const run = (id: string, accuracy: number, lr: number, startedAt: string): RunRecord => ({
  ...newRun(id, presetById('logistic').network, { ...DEFAULT_CONFIG, learningRate: lr }, 'wasm', startedAt),
  epochs: [{ epoch: 1, batch: 469, testAccuracy: accuracy, testLoss: 0.3 }],
});
const runs = [run('a', 0.91, 0.1, '2026-01-01T10:00:00Z'), run('b', 0.97, 0.01, '2026-01-01T11:00:00Z')];
const rowIds = () => screen.getAllByTestId('runs.item').map((r) => r.getAttribute('data-run-id'));

describe('RunsPanel', () => {
  it('says so when there are no runs yet', () => {
    renderWith(<RunsPanel />);
    expect(screen.queryAllByTestId('runs.item')).toHaveLength(0);
    expect(screen.getByText(/no runs|train/i)).toBeTruthy();
  });

  it('lists runs newest first, sorts by best accuracy, and overlays the checked ones', () => {
    renderWith(<RunsPanel />, { runs: { list: runs } });
    expect(rowIds()).toEqual(['b', 'a']);
    fireEvent.click(screen.getByRole('button', { name: 'Best test accuracy' }));
    expect(screen.getAllByTestId('runs.best-acc').map((c) => c.textContent)).toEqual(['0.9700', '0.9100']);
    fireEvent.click(screen.getAllByTestId('runs.overlay')[1]);
    expect(useStore.getState().runs.overlay).toEqual(['a']);
  });

  it('renames through the prompt, deletes a finished run but not the live one', () => {
    vi.spyOn(window, 'prompt').mockReturnValueOnce('  My best run  ');
    renderWith(<RunsPanel />, { runs: { list: runs, currentId: 'b' } });
    const rowA = screen.getAllByTestId('runs.item').find((r) => r.getAttribute('data-run-id') === 'a')!;
    fireEvent.click(within(rowA).getByRole('button', { name: 'Rename' }));
    expect(useStore.getState().runs.list.find((r) => r.id === 'a')).toMatchObject({
      name: 'My best run',
      renamed: true,
    });
    expect((screen.getByRole('button', { name: /Delete run .*0\.01/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete run My best run' }));
    expect(useStore.getState().runs.list.map((r) => r.id)).toEqual(['b']);
  });

  it('"Use settings" restores the run’s network and hyperparameters', () => {
    renderWith(<RunsPanel />, { runs: { list: runs } });
    const rowA = screen.getAllByTestId('runs.item').find((r) => r.getAttribute('data-run-id') === 'a')!;
    fireEvent.click(within(rowA).getByTestId('runs.use-settings'));
    const { network, train } = useStore.getState().config;
    expect(network).toEqual(presetById('logistic').network);
    expect(train.learningRate).toBe(0.1);
  });
});
