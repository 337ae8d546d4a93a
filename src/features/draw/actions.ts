// The pad's named actions: what is drawn goes to the worker client (paced there), the pen's state holds back
// chart updates while it is down, and a test image can stand in for a drawing.
import { getClient, RequestError } from '../../client';
import { notify, patch } from '../../store/actions';

/** The pad's model input (784 floats in [0, 1]) changed; null: the pad was cleared. */
export const drawingChanged = (pixels: Float32Array | null) => getClient().predict(pixels);

/** The pen went down (true) or up: progress, epochs and insights wait meanwhile. */
export const penDown = (down: boolean) => getClient().setInking(down);

/** Puts a model input (784 floats in [0, 1]) on the pad in place of the drawing; it is fed as it is. */
export const showOnPad = (pixels: ArrayLike<number>) => patch('draw', { shown: Array.from(pixels) });

/** Puts a random test image on the pad; nothing when there is none yet or the worker refused (said in a notice). */
export async function showTestImage(): Promise<void> {
  try {
    const s = await getClient().request('getSample', {});
    if (s.index >= 0) showOnPad(Array.from(s.pixels, (v) => v / 255));
  } catch (e) {
    if (e instanceof RequestError) notify(e.text);
  }
}
