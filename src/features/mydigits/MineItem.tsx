import { memo, useContext, useEffect, useRef, useState } from 'react';
import DigitPicture from '../../charts/DigitPicture';
import type { MyDigit } from '../../data/myDigits';
import { deleteDigit } from './actions';
import { SeenContext } from './seen';

/** One kept digit in the grid: its picture (drawn once it comes near view), who drew it, and delete. */
/** `here`: how a digit drawn on this device is named; `remove`: the delete button's name. Text comes in as props:
 * a translation hook in each of thousands of items cost more than the pictures. */
function MineItem({ x, here, remove }: { x: MyDigit; here: string; remove: string }) {
  const el = useRef<HTMLSpanElement>(null);
  const watcher = useContext(SeenContext);
  const [seen, setSeen] = useState(false);
  useEffect(() => (watcher && el.current ? watcher.watch(el.current, () => setSeen(true)) : undefined), [watcher]);
  const name = `${x.label} · ${x.source || here}`;
  return (
    <span ref={el} className="mine-item" data-testid="mydigits.item" data-label={x.label} title={name}>
      {seen ? <DigitPicture pixels={x.pixels} size={28} label={name} /> : <span className="mine-thumb" />}
      <button className="mine-delete" aria-label={remove} title={remove} onClick={() => deleteDigit(x.id)}>
        ×
      </button>
    </span>
  );
}

export default memo(MineItem);
