// The pad's named actions: what is drawn goes to the worker client (paced there), the pen's state holds back
// chart updates while it is down, and a test image can stand in for a drawing.
import { getClient, RequestError } from '../../client';
import { notify } from '../../store/actions';

/** The pad's model input (784 floats in [0, 1]) changed; null: the pad was cleared. */
export const drawingChanged = (pixels: Float32Array | null) => getClient().predict(pixels);

/** The pen went down (true) or up: progress, epochs and insights wait meanwhile. */
export const penDown = (down: boolean) => getClient().setInking(down);

/** A random test image (784 bytes, 0-255), or null when there is none yet or the worker refused (said in a notice). */
export async function fetchTestImage(): Promise<Uint8Array | null> {
  try {
    const s = await getClient().request('getSample', {});
    return s.index >= 0 ? s.pixels : null;
  } catch (e) {
    if (e instanceof RequestError) notify(e.text);
    return null;
  }
}
