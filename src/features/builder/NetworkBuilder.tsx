// The network as an editable diagram: presets, add/remove/duplicate, reorder by drag and drop (dnd-kit,
// pointer and keyboard) or with the arrow buttons, inline parameters, shapes, costs and problems.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { applyExperiment, choosePreset } from '../experiment';
import { useMsg } from '../../i18n/translate';
import { duplicateLayer, insertLayer, moveLayer, removeLayer, replaceLayer } from '../../model/layers';
import { PRESETS, type PresetId } from '../../model/presets';
import { inferNetwork } from '../../model/shapes';
import { useStore } from '../../store/store';
import AddLayerMenu from './AddLayerMenu';
import Explain from '../../ui/Explain';
import LayerCard from './LayerCard';

const idOf = (i: number) => `layer-${i}`;
const indexOf = (id: string | number) => Number(String(id).slice(6));

export default function NetworkBuilder() {
  const { t } = useTranslation();
  const tm = useMsg();
  const network = useStore((s) => s.config.network);
  const presetId = useStore((s) => s.config.presetId);
  const info = inferNetwork(network);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = network.layers.map((_, i) => idOf(i));
  const onDragEnd = (e: DragEndEvent) => {
    if (e.over && e.active.id !== e.over.id)
      applyExperiment({ network: moveLayer(network, indexOf(e.active.id), indexOf(e.over.id)) }, 'builder');
  };
  const preset = PRESETS.find((p) => p.id === presetId);
  return (
    <div className="network">
      <h2>
        {t('builder.heading')} <Explain topic="neurons" />
      </h2>
      <label className="field">
        <span>{t('builder.preset')}</span>
        <select
          data-testid="builder.preset"
          value={presetId}
          onChange={(e) => choosePreset(e.target.value as PresetId)}
        >
          {presetId === 'custom' && <option value="custom">{t('builder.custom')}</option>}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`preset.${p.id}.name`)}
            </option>
          ))}
        </select>
      </label>
      {preset && <p className="muted blurb">{t(`preset.${preset.id}.blurb`)}</p>}
      <div className="button-row">
        <AddLayerMenu
          count={network.layers.length}
          onAdd={(at, l) => applyExperiment({ network: insertLayer(network, at, l) }, 'builder')}
        />
        <Explain topic="activation" />
        <button
          data-testid="builder.clear"
          onClick={() => applyExperiment({ network: { layers: [] } }, 'builder')}
          disabled={network.layers.length === 0}
        >
          {t('builder.empty')}
        </button>
      </div>
      {/* DndContext outside the list: it renders its own live region, which may not sit inside an <ol>. */}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <ol className="layers" aria-label={t('builder.layers')}>
          <li className="layer layer-input">
            <div className="layer-head">
              <span className="layer-name">{t('builder.input')}</span>
              <span className="layer-shape">28×28×1</span>
            </div>
          </li>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            {network.layers.map((l, i) => (
              <LayerCard
                key={ids[i]}
                id={ids[i]}
                index={i}
                count={network.layers.length}
                layer={l}
                info={
                  // Whole-network problems (no 10-way softmax output, too many parameters) show on the layer named.
                  info.problemLayer === i && !info.layers[i].problem
                    ? { ...info.layers[i], problem: info.problem }
                    : info.layers[i]
                }
                onChange={(next) => applyExperiment({ network: replaceLayer(network, i, next) }, 'builder')}
                onMove={(to) => applyExperiment({ network: moveLayer(network, i, to) }, 'builder')}
                onDuplicate={() => applyExperiment({ network: duplicateLayer(network, i) }, 'builder')}
                onRemove={() => applyExperiment({ network: removeLayer(network, i) }, 'builder')}
                onInsertFlatten={
                  info.layers[i].needsFlatten
                    ? () => applyExperiment({ network: insertLayer(network, i, { kind: 'flatten' }) }, 'builder')
                    : null
                }
              />
            ))}
          </SortableContext>
        </ol>
      </DndContext>
      <p className="total">
        {t('builder.params')} <strong data-testid="builder.params">{info.totalParams}</strong>
        <br />
        <span className="muted" data-testid="builder.macs">
          {t('builder.work', { macs: (info.totalMacs / 1e6).toFixed(2) })}
        </span>
      </p>
      {info.problem && (
        <p className="problem" role="alert" data-testid="builder.problem">
          {tm(info.problem)}
        </p>
      )}
    </div>
  );
}
