// One layer in the builder: drag handle (pointer or keyboard), edit fields, shape, parameter count, problem.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { formatShape, type LayerInfo } from '../../model/shapes';
import type { LayerSpec } from '../../model/spec';
import LayerFields from './LayerFields';

type Props = {
  id: string;
  index: number;
  count: number;
  layer: LayerSpec;
  info: LayerInfo;
  onChange: (l: LayerSpec) => void;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onInsertFlatten: (() => void) | null;
};

const compact = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : String(n);

export default function LayerCard({
  id,
  index,
  count,
  layer,
  info,
  onChange,
  onMove,
  onDuplicate,
  onRemove,
  onInsertFlatten,
}: Props) {
  const { t } = useTranslation();
  const tm = useMsg();
  const kind = t(`kind.${layer.kind}`);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const n = index + 1;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`layer${info.problem ? ' layer-bad' : ''}${isDragging ? ' dragging' : ''}`}
      data-testid="builder.layer"
      data-kind={layer.kind}
    >
      <div className="layer-head">
        <button
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={t('layer.drag', { n, kind })}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <span className="layer-name">
          {n}. {kind}
        </span>
        <span className="layer-shape" data-testid="builder.layer-shape" title={t('layer.outputShape')}>
          {formatShape(info.outputShape)}
        </span>
      </div>
      <LayerFields layer={layer} onChange={onChange} />
      <div className="layer-foot">
        <span className="layer-params" data-testid="builder.layer-params">
          {t('layer.cost', { params: info.params.toLocaleString('en'), macs: compact(info.macs) })}
        </span>
        <span className="layer-actions">
          <button aria-label={t('layer.up', { n })} disabled={index === 0} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button aria-label={t('layer.down', { n })} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            ↓
          </button>
          <button aria-label={t('layer.duplicate', { n })} onClick={onDuplicate}>
            {t('layer.copy')}
          </button>
          <button aria-label={t('layer.remove', { n })} onClick={onRemove}>
            ✕
          </button>
        </span>
      </div>
      {info.problem && (
        <p className="layer-problem" role="alert">
          {tm(info.problem)}
          {onInsertFlatten && (
            <button className="fix" onClick={onInsertFlatten}>
              {t('layer.insertFlatten')}
            </button>
          )}
        </p>
      )}
    </li>
  );
}
