// @vitest-environment jsdom
// The pad as a person uses it: strokes reach the model as one input per frame, Undo takes the last stroke back,
// Clear (button or C key) empties the pad and its prediction.
import { act, fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, getClient } from '../../testing/fakeClient';
import { renderWith, setUpPageTests } from '../../testing/renderPage';
import DrawPanel from './DrawPanel';

vi.mock('../../client', () => import('../../testing/fakeClient'));
setUpPageTests();

beforeAll(() => {
  // jsdom has no 2D canvas and no PointerEvent: a context that draws nothing, and pointer events as mouse events.
  const noop = () => {};
  const image = (w = 28, h = 28) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
  const ctx = new Proxy(
    {},
    { get: (_, k) => (k === 'getImageData' || k === 'createImageData' ? image : noop), set: () => true },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    (() => ctx) as unknown as HTMLCanvasElement['getContext'],
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    width: 280,
    height: 280,
  } as DOMRect);
  HTMLCanvasElement.prototype.setPointerCapture = noop;
  class FakePointerEvent extends MouseEvent {
    pointerId: number;
    pointerType: string;
    pressure: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
      this.pointerType = init.pointerType ?? 'mouse';
      this.pressure = init.pressure ?? 0.5;
    }
  }
  vi.stubGlobal('PointerEvent', FakePointerEvent);
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterAll(() => vi.unstubAllGlobals());

const predict = getClient().predict as ReturnType<typeof vi.fn>;

async function stroke(x0: number, y0: number, x1: number, y1: number) {
  const pad = screen.getByTestId('draw.pad');
  fireEvent.pointerDown(pad, { clientX: x0, clientY: y0 });
  for (let k = 1; k <= 8; k++)
    fireEvent.pointerMove(pad, { clientX: x0 + ((x1 - x0) * k) / 8, clientY: y0 + ((y1 - y0) * k) / 8 });
  fireEvent.pointerUp(pad);
  await act(() => new Promise((r) => setTimeout(r, 5))); // the frame that preprocesses
}

const lastInput = () => predict.mock.calls.at(-1)?.[0] as Float32Array | null | undefined;

describe('DrawPanel', () => {
  it('sends the drawing as a 784-value input; Undo removes the last stroke and Clear empties the pad', async () => {
    predict.mockClear();
    renderWith(<DrawPanel />, { status: { state: 'ready' } });
    const undo = screen.getByTestId('draw.undo') as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    await stroke(140, 40, 140, 240);
    const one = lastInput()!;
    expect(one).toHaveLength(784);
    expect(Math.max(...one)).toBeGreaterThan(0.5);
    await stroke(60, 140, 220, 140);
    expect(Array.from(lastInput()!)).not.toEqual(Array.from(one));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(Array.from(lastInput()!)).toEqual(Array.from(one)); // back to the first stroke alone
    fireEvent.click(screen.getByTestId('draw.clear'));
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(lastInput()).toBeNull();
    expect(undo.disabled).toBe(true);
  });

  it('the C key clears the pad unless the exercise locked it', async () => {
    predict.mockClear();
    renderWith(<DrawPanel />, { status: { state: 'ready' } });
    await stroke(100, 60, 180, 220);
    fireEvent.keyDown(window, { key: 'c' });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(lastInput()).toBeNull();
    expect(fake.sent).toHaveLength(0); // drawing commands the worker only through predictions
  });
});
