import { PRESETS } from '../model/presets';
import { formatShape, inferNetwork } from '../model/shapes';
import type { LayerSpec } from '../model/spec';
import { useStore } from '../store/store';

function describe(l: LayerSpec): string {
  switch (l.kind) {
    case 'dense':
      return `Dense ${l.units}, ${l.activation}`;
    case 'conv2d':
      return `Conv2D ${l.filters}×${l.kernelSize}×${l.kernelSize}, stride ${l.stride}, ${l.padding}, ${l.activation}`;
    case 'maxPool2d':
      return `MaxPool ${l.poolSize}×${l.poolSize}, stride ${l.stride}`;
    case 'avgPool2d':
      return `AvgPool ${l.poolSize}×${l.poolSize}, stride ${l.stride}`;
    case 'flatten':
      return 'Flatten';
    case 'dropout':
      return `Dropout ${l.rate}`;
    case 'batchNorm':
      return 'BatchNorm';
    case 'activation':
      return `Activation ${l.activation}`;
  }
}

/** The network as a vertical diagram: each layer with its output shape and parameter count. */
export default function NetworkView() {
  const network = useStore((s) => s.config.network);
  const presetId = useStore((s) => s.config.presetId);
  const info = inferNetwork(network);
  return (
    <div className="network">
      <h2>Network</h2>
      <label className="field">
        <span>Preset</span>
        <select data-testid="builder.preset" value={presetId} onChange={() => undefined}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <ol className="layers">
        <li className="layer layer-input">
          <span className="layer-name">Input image</span>
          <span className="layer-shape">28×28×1</span>
        </li>
        {network.layers.map((l, i) => (
          <li key={i} className="layer" data-testid="builder.layer" data-kind={l.kind}>
            <span className="layer-name">{describe(l)}</span>
            <span className="layer-shape">{formatShape(info.layers[i].outputShape)}</span>
            <span className="layer-params">{info.layers[i].params.toLocaleString('en')} params</span>
          </li>
        ))}
      </ol>
      <p className="total">
        Trainable parameters: <strong data-testid="builder.params">{info.totalParams}</strong>
        <span className="muted"> · {(info.totalMacs / 1e6).toFixed(2)} M multiply-adds per image</span>
      </p>
      {info.problem && (
        <p className="problem" role="alert" data-testid="builder.problem">
          {info.problem}
        </p>
      )}
    </div>
  );
}
