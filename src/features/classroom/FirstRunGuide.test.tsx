// @vitest-environment jsdom
// The first-run guide follows what really happens (Train pressed, the loss falling, the first epoch, a drawing)
// and, once hidden, stays hidden on later visits.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import FirstRunGuide from './FirstRunGuide';
import GuideButton from './GuideButton';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

const stage = () => screen.getByTestId('guide').getAttribute('data-step');
const setMetrics = (series: { batch: number; loss: number; accuracy: number }[], epochs = 0) =>
  act(() =>
    useStore.setState((s) => ({
      metrics: {
        ...s.metrics,
        series,
        epochs: Array.from({ length: epochs }, (_, i) => ({
          epoch: i + 1,
          batch: 1,
          testAccuracy: 0.9,
          testLoss: 0.3,
        })),
      },
    })),
  );

describe('FirstRunGuide', () => {
  it('moves from "press Train" to "watch", "learning", "draw" and "done" as training and drawing happen', () => {
    renderWith(<FirstRunGuide />, { ui: { guideOpen: true } });
    expect(stage()).toBe('train');
    expect(screen.getByRole('status').textContent).toMatch(/Press Train/);
    setMetrics([{ batch: 1, loss: 2.3, accuracy: 0.1 }]);
    expect(stage()).toBe('watch');
    setMetrics([
      { batch: 1, loss: 2.3, accuracy: 0.1 },
      { batch: 50, loss: 0.9, accuracy: 0.7 },
    ]);
    expect(stage()).toBe('learning');
    setMetrics([{ batch: 469, loss: 0.3, accuracy: 0.9 }], 1);
    expect(stage()).toBe('draw');
    act(() => useStore.setState((s) => ({ draw: { ...s.draw, input: new Array(784).fill(0) } })));
    expect(stage()).toBe('done');
    expect(localStorage.getItem('mnist-playground-guide')).toBe('done');
    // Clearing the pad does not take it back (the strip would change under the pen).
    act(() => useStore.setState((s) => ({ draw: { ...s.draw, input: null } })));
    expect(stage()).toBe('done');
  });

  it('hides when dismissed, remembers it, and the ? button brings it back', () => {
    localStorage.clear();
    renderWith(
      <>
        <GuideButton />
        <FirstRunGuide />
      </>,
      { ui: { guideOpen: true } },
    );
    fireEvent.click(screen.getByTestId('guide.dismiss'));
    expect(screen.queryByTestId('guide')).toBeNull();
    expect(localStorage.getItem('mnist-playground-guide')).toBe('dismissed');
    fireEvent.click(screen.getByTestId('guide.open'));
    expect(screen.getByTestId('guide')).toBeTruthy();
  });
});
