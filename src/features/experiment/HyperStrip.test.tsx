// @vitest-environment jsdom
// The hyperparameter fields as a person uses them: a valid value applies at once and reaches the worker; a bad
// one is explained in place and changes nothing.
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { fake } from '../../testing/fakeClient';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import HyperStrip from './HyperStrip';
import MoreSettings from './MoreSettings';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

const rate = () => screen.getByTestId('hp.learning-rate') as HTMLInputElement;

describe('HyperStrip and MoreSettings', () => {
  it('applies a typed learning rate and sends it to the worker', () => {
    renderWith(<HyperStrip />);
    fireEvent.change(rate(), { target: { value: '0.02' } });
    expect(useStore.getState().config.train.learningRate).toBe(0.02);
    expect(fake.sent.at(-1)).toMatchObject({ type: 'setConfig', config: { learningRate: 0.02 } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains text that is not a number and keeps the last valid rate', () => {
    renderWith(<HyperStrip />);
    const before = useStore.getState().config.train.learningRate;
    fireEvent.change(rate(), { target: { value: '0.0x' } });
    expect(screen.getByRole('alert').textContent).toMatch(/number/i);
    expect(rate().getAttribute('aria-invalid')).toBe('true');
    expect(useStore.getState().config.train.learningRate).toBe(before);
    expect(fake.sent).toHaveLength(0);
  });

  it('refuses a rate outside its range with the range in the message', () => {
    renderWith(<HyperStrip />);
    fireEvent.change(rate(), { target: { value: '5000' } });
    expect(screen.getByRole('alert').textContent).toMatch(/1000/);
    expect(useStore.getState().config.train.learningRate).not.toBe(5000);
  });

  it('changes the optimizer from its menu, keeping everything else', () => {
    renderWith(<HyperStrip />);
    const before = useStore.getState().config.train;
    fireEvent.change(screen.getByTestId('hp.optimizer'), { target: { value: 'sgd' } });
    expect(useStore.getState().config.train).toEqual({ ...before, optimizer: 'sgd' });
  });

  it('a locked exercise part refuses the change with a notice', () => {
    renderWith(<HyperStrip />, { ui: { locked: ['hyper'] } });
    const before = useStore.getState().config.train.learningRate;
    fireEvent.change(rate(), { target: { value: '0.2' } });
    expect(useStore.getState().config.train.learningRate).toBe(before);
    expect(useStore.getState().ui.notice).not.toBeNull();
  });
});

describe('MoreSettings', () => {
  it('applies the epoch limit and the seed live, and explains an L2 that is not a number', () => {
    renderWith(<MoreSettings />);
    fireEvent.change(screen.getByTestId('hp.epoch-limit'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('hp.seed'), { target: { value: '42' } });
    expect(useStore.getState().config.train).toMatchObject({ epochLimit: 3, seed: 42 });
    fireEvent.change(screen.getByTestId('hp.l2'), { target: { value: 'x' } });
    expect(screen.getByRole('alert').textContent).toMatch(/number/i);
  });
});
