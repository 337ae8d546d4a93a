import { useEffect, useRef } from 'react';
import { useStore } from '../../store/store';
import { selectPredictedDigit } from '../../store/selectors';
import { networkChanged, refreshMap, refreshSaliency } from './actions';

/** Ms to wait before mapping a new drawing: a stroke sends several inputs in a second. */
const SETTLE_MS = 250;
/** While training, the map is made again at most this often, and never more than 1/20 of the time (≤ 5%). */
const MIN_GAP_MS = 3000;
const COST_SHARE = 20;

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
      const ms = useStore.getState().why.map?.ms ?? 100;
      timer = setTimeout(
        async () => {
          await refreshMap();
          await refreshSaliency();
          next();
        },
        Math.max(MIN_GAP_MS, COST_SHARE * ms),
      );
    };
    next();
    return () => clearTimeout(timer);
  }, [training]);
}
