// @vitest-environment jsdom
// Editing the network as a person does: add, edit, reorder and remove layers, seeing shapes, parameter counts and
// problems; values outside a field's range are explained and never reach the network.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import NetworkBuilder from './NetworkBuilder';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

const layers = () => screen.getAllByTestId('builder.layer');
const kinds = () => useStore.getState().config.network.layers.map((l) => l.kind);

describe('NetworkBuilder', () => {
  it('shows the default network with each layer’s shape and the total parameter count', () => {
    renderWith(<NetworkBuilder />);
    expect(kinds()).toEqual(['flatten', 'dense', 'dense']);
    expect(layers().map((l) => within(l).getByTestId('builder.layer-shape').textContent)).toEqual(['784', '128', '10']);
    expect(screen.getByTestId('builder.params').textContent).toBe('101770');
  });

  it('adds a layer from the menu at the chosen position and counts its parameters', () => {
    renderWith(<NetworkBuilder />);
    fireEvent.change(screen.getByTestId('builder.add-position'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('builder.add-layer'));
    fireEvent.click(screen.getByTestId('builder.add-kind-dropout'));
    expect(kinds()).toEqual(['flatten', 'dense', 'dropout', 'dense']);
    expect(screen.queryByRole('menu')).toBeNull(); // the menu closes after a choice
    expect(screen.getByTestId('builder.params').textContent).toBe('101770'); // dropout has no weights
  });

  it('applies units in range, explains units out of range and keeps the last valid value', () => {
    renderWith(<NetworkBuilder />);
    const units = within(layers()[1]).getByLabelText('units') as HTMLInputElement;
    fireEvent.change(units, { target: { value: '64' } });
    expect(useStore.getState().config.network.layers[1]).toMatchObject({ units: 64 });
    expect(within(layers()[1]).getByTestId('builder.layer-shape').textContent).toBe('64');
    fireEvent.change(units, { target: { value: '99999' } });
    expect(within(layers()[1]).getByRole('alert').textContent).toMatch(/4096/);
    expect(useStore.getState().config.network.layers[1]).toMatchObject({ units: 64 });
  });

  it('moves and removes layers with the card buttons, and says why a network cannot work', () => {
    renderWith(<NetworkBuilder />);
    fireEvent.click(screen.getByRole('button', { name: /move layer 2 up/i }));
    expect(kinds()).toEqual(['dense', 'flatten', 'dense']);
    fireEvent.click(screen.getByRole('button', { name: /remove layer 3/i }));
    expect(kinds()).toEqual(['dense', 'flatten']);
    expect(screen.getByTestId('builder.problem').textContent).not.toBe('');
  });

  it('Clear leaves an empty network with a message instead of a broken one', () => {
    renderWith(<NetworkBuilder />);
    fireEvent.click(screen.getByTestId('builder.clear'));
    expect(kinds()).toEqual([]);
    expect(screen.queryAllByTestId('builder.layer')).toHaveLength(0);
    expect(screen.getByTestId('builder.problem')).toBeTruthy();
  });
});
