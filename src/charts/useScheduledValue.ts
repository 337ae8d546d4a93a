import { useEffect, useRef, useState, type RefObject } from 'react';
import { chartScheduler } from './chartScheduler';

/**
 * The value a live chart draws: `value` as the scheduler lets it through (chartScheduler.ts). A change of `key`
 * (the chart's structure: which series, which axis) applies at once, as does the first non-empty value.
 * `box` is the chart's element, watched so that charts off screen do not update.
 */
export function useScheduledValue<T>(
  value: T,
  key: string,
  box: RefObject<HTMLElement | null>,
  empty: (v: T) => boolean,
): T {
  const [shown, setShown] = useState(value);
  const id = useRef(0);
  const lastKey = useRef(key);
  const shownEmpty = useRef(empty(value));

  useEffect(() => {
    id.current = chartScheduler.register();
    const el = box.current;
    const io =
      el && typeof IntersectionObserver !== 'undefined'
        ? new IntersectionObserver(([e]) => chartScheduler.setVisible(id.current, e.isIntersecting))
        : null;
    if (el) io?.observe(el);
    return () => {
      io?.disconnect();
      chartScheduler.unregister(id.current);
    };
  }, [box]);

  useEffect(() => {
    const apply = () => {
      shownEmpty.current = empty(value);
      setShown(() => value);
    };
    if (key !== lastKey.current || shownEmpty.current || empty(value)) {
      lastKey.current = key;
      chartScheduler.urgent(id.current, apply);
    } else chartScheduler.request(id.current, apply);
  }, [value, key, empty]);

  return shown;
}
