// @vitest-environment jsdom
// The "Compare…" form: a valid plan starts one run per value in the worker; a bad one says why and starts nothing.
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { fake } from '../../testing/fakeClient';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import SweepForm from './SweepForm';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

const ready = { status: { state: 'ready' as const } };

describe('SweepForm', () => {
  it('starts one run per learning rate, overlaid on the charts, and sends the plan to the worker', () => {
    renderWith(<SweepForm />, ready);
    fireEvent.change(screen.getByTestId('sweep.values'), { target: { value: '0.001, 0.01, 0.1' } });
    fireEvent.click(screen.getByTestId('sweep.start'));
    expect(screen.queryByTestId('sweep.problem')).toBeNull();
    const s = useStore.getState();
    expect(s.sweep.state).toBe('running');
    expect(s.sweep.runValues).toEqual([[0.001], [0.01], [0.1]]);
    expect(s.runs.overlay).toEqual(s.sweep.runIds);
    const sent = fake.sent.at(-1);
    expect(sent?.type === 'sweepStart' && sent.runs.map((r) => r.config.learningRate)).toEqual([0.001, 0.01, 0.1]);
  });

  it('says what is wrong with unreadable values and starts nothing', () => {
    renderWith(<SweepForm />, ready);
    fireEvent.change(screen.getByTestId('sweep.values'), { target: { value: '0.01, banana' } });
    fireEvent.click(screen.getByTestId('sweep.start'));
    expect(screen.getByTestId('sweep.problem').textContent).not.toBe('');
    expect(useStore.getState().sweep.state).toBe('idle');
    expect(fake.sent).toHaveLength(0);
  });

  it('refuses a budget over the limit and waits for the data before starting', () => {
    renderWith(<SweepForm />, { status: { state: 'loading' } });
    fireEvent.click(screen.getByTestId('sweep.start'));
    expect(screen.getByTestId('sweep.problem').textContent).toMatch(/load|ready/i);
    useStore.setState({ status: { ...useStore.getState().status, state: 'ready' } });
    fireEvent.change(screen.getByTestId('sweep.epochs'), { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('sweep.start'));
    expect(screen.getByTestId('sweep.problem').textContent).toMatch(/\d/);
    expect(fake.sent).toHaveLength(0);
  });
});
