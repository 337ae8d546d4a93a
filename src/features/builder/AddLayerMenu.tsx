// "Add layer": pick where, then which kind. The new layer gets sensible defaults to edit inline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLayer, LAYER_KINDS } from '../../model/layers';
import type { LayerSpec } from '../../model/spec';

type Props = { count: number; onAdd: (at: number, l: LayerSpec) => void };

export default function AddLayerMenu({ count, onAdd }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<number | 'end'>('end');
  const position = at === 'end' || at > count ? count : at;
  return (
    <div className="add-layer">
      <button
        data-testid="builder.add-layer"
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen((o) => !o)}
      >
        {t('builder.addLayer')}
      </button>
      <label className="mini-field">
        <span>{t('builder.at')}</span>
        <select
          data-testid="builder.add-position"
          value={String(at)}
          onChange={(e) => setAt(e.target.value === 'end' ? 'end' : Number(e.target.value))}
        >
          <option value="end">{t('builder.atEnd')}</option>
          {Array.from({ length: count }, (_, i) => (
            <option key={i} value={i}>
              {t('builder.before', { n: i + 1 })}
            </option>
          ))}
        </select>
      </label>
      {open && (
        <div className="kind-menu" role="menu" aria-label={t('builder.layerKind')}>
          {LAYER_KINDS.map((k) => (
            <button
              key={k}
              role="menuitem"
              data-testid={`builder.add-kind-${k}`}
              onClick={() => {
                onAdd(position, defaultLayer(k));
                setOpen(false);
              }}
            >
              {t(`kind.${k}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
