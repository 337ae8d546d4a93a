// The network as an editable diagram: presets, add/remove/duplicate, reorder by drag and drop (dnd-kit,
// pointer and keyboard) or with the arrow buttons, inline parameters, shapes, costs and problems.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { changeNetwork, choosePreset } from '../bridge/experiment';
import { duplicateLayer, insertLayer, moveLayer, removeLayer, replaceLayer } from '../model/layers';
import { PRESETS, type PresetId } from '../model/presets';
import { inferNetwork } from '../model/shapes';
import { useStore } from '../store/store';
import AddLayerMenu from './AddLayerMenu';
import Explain from './Explain';
import LayerCard from './LayerCard';

const idOf = (i: number) => `layer-${i}`;
const indexOf = (id: string | number) => Number(String(id).slice(6));

export default function NetworkBuilder() {
  const network = useStore((s) => s.config.network);
  const presetId = useStore((s) => s.config.presetId);
  const info = inferNetwork(network);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = network.layers.map((_, i) => idOf(i));
  const onDragEnd = (e: DragEndEvent) => {
    if (e.over && e.active.id !== e.over.id) changeNetwork(moveLayer(network, indexOf(e.active.id), indexOf(e.over.id)));
  };
  const preset = PRESETS.find((p) => p.id === presetId);
  return (
    <div className="network">
      <h2>
        Network{' '}
        <Explain topic="Neurons, weights and layers">
          Each unit (neuron) multiplies every input by a weight — the strength of a synapse — adds a bias and passes the sum through an
          activation function such as ReLU (keep positives, zero the rest). A layer is many units side by side; a deep network stacks
          layers, so later layers combine the patterns earlier ones found. Training only changes the weights and biases.
        </Explain>
      </h2>
      <label className="field">
        <span>Preset</span>
        <select data-testid="builder.preset" value={presetId} onChange={(e) => choosePreset(e.target.value as PresetId)}>
          {presetId === 'custom' && <option value="custom">Custom network</option>}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {preset && <p className="muted blurb">{preset.blurb}</p>}
      <div className="button-row">
        <AddLayerMenu count={network.layers.length} onAdd={(at, l) => changeNetwork(insertLayer(network, at, l))} />
        <button data-testid="builder.clear" onClick={() => changeNetwork({ layers: [] })} disabled={network.layers.length === 0}>
          Empty network
        </button>
      </div>
      {/* DndContext outside the list: it renders its own live region, which may not sit inside an <ol>. */}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <ol className="layers" aria-label="Layers, from input to output">
        <li className="layer layer-input">
          <div className="layer-head">
            <span className="layer-name">Input image</span>
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
                  info.problemLayer === i && !info.layers[i].problem ? { ...info.layers[i], problem: info.problem } : info.layers[i]
                }
                onChange={(next) => changeNetwork(replaceLayer(network, i, next))}
                onMove={(to) => changeNetwork(moveLayer(network, i, to))}
                onDuplicate={() => changeNetwork(duplicateLayer(network, i))}
                onRemove={() => changeNetwork(removeLayer(network, i))}
                onInsertFlatten={info.layers[i].needsFlatten ? () => changeNetwork(insertLayer(network, i, { kind: 'flatten' })) : null}
              />
            ))}
          </SortableContext>
      </ol>
      </DndContext>
      <p className="total">
        Trainable parameters: <strong data-testid="builder.params">{info.totalParams}</strong>
        <br />
        <span className="muted" data-testid="builder.macs">
          Work per image: {(info.totalMacs / 1e6).toFixed(2)} M multiply-adds
        </span>
      </p>
      {info.problem && (
        <p className="problem" role="alert" data-testid="builder.problem">
          {info.problem}
        </p>
      )}
    </div>
  );
}
