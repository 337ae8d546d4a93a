// The insights' requests: the test images behind one cell of the confusion matrix.
import { getClient } from '../../client';
import { PIXELS } from '../../model/spec';
import { patch } from '../../store/actions';

/** Asks for the test images the network put in cell (actual, predicted); they replace the shown cell. */
export async function openCell(actual: number, predicted: number) {
  try {
    const cell = await getClient().request('getCell', { actual, predicted });
    if (!cell) return;
    const items = cell.indices.map((index, k) => ({
      index,
      pixels: Array.from(cell.pixels.subarray(k * PIXELS, (k + 1) * PIXELS)),
      probs: Array.from(cell.probs.subarray(k * 10, (k + 1) * 10)),
    }));
    patch('insight', { cell: { actual, predicted, total: cell.total, items } });
  } catch {
    // Not ready or replaced: the matrix stays as it is and a later click asks again.
  }
}
