import { useEffect, useRef } from 'react';
import { useStore } from '../../store/store';
import { selectPredictedDigit } from '../../store/selectors';
import { mapMadeAt, networkChanged, refreshMap, refreshSaliency } from './actions';

/** Ms to wait before mapping a new drawing: a stroke sends several inputs in a second. */
const SETTLE_MS = 250;
/**
 * While training, the map is made again when the last one is this old, and never more often than 25 times its own
 * cost (≤ 4% of the worker's time; with the map after each epoch, the view's cost stays under 10%: see the note).
 */
const MIN_GAP_MS = 4000;
const COST_SHARE = 25;

/**
 * Keeps the open view on the live weights: saliency when the drawing, the prediction or an epoch changes; the map
 * after each epoch (for its measure), for each new drawing, and during training at a gap that keeps its cost small.
 */
export function useLiveRefresh() {
  const input = useStore((s) => s.draw.input);
  const predicted = useStore(selectPredictedDigit);
  const epochs = useStore((s) => s.metrics.epochs.length);
  const network = useStore((s) => s.config.network);
  const training = useStore((s) => s.status.state === 'training');

  useEffect(() => {
    void refreshSaliency();
  }, [input, predicted, epochs]);

  useEffect(() => {
    const id = setTimeout(() => void refreshMap(), SETTLE_MS);
    return () => clearTimeout(id);
  }, [input, epochs]);

  const seen = useRef(network);
  useEffect(() => {
    if (seen.current === network) return;
    seen.current = network;
    networkChanged();
  }, [network]);

  useEffect(() => {
    if (!training) return;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      const map = useStore.getState().why.map;
      const gap = Math.max(MIN_GAP_MS, COST_SHARE * (map?.ms ?? 100));
      // The map made after an epoch ended counts: the next one waits a whole gap from it.
      const due = map ? Math.max(0, gap - (performance.now() - mapMadeAt())) : gap;
      timer = setTimeout(async () => {
        if (performance.now() - mapMadeAt() >= gap) await refreshMap();
        await refreshSaliency();
        next();
      }, due);
    };
    next();
    return () => clearTimeout(timer);
  }, [training]);
}
