import { useTranslation } from 'react-i18next';
import { openLearningStep } from '../learning-step';
import { mapLayers } from '../../model/hiddenMap';
import { useStore } from '../../store/store';
import { fitUmap, mapImage, mappedLayer, setMapLayer, showPca } from './actions';
import { DIGIT_COLORS } from '../../charts/palette';
import MapCanvas from './MapCanvas';

/** Where 2,000 test images and the drawing land in one layer's outputs: PCA every epoch, UMAP on demand. */
export default function HiddenMapView() {
  const { t } = useTranslation();
  const network = useStore((s) => s.config.network);
  const map = useStore((s) => s.why.map);
  const method = useStore((s) => s.why.mapMethod);
  const umap = useStore((s) => s.why.umap);
  const history = useStore((s) => s.why.knnHistory);
  const picked = useStore((s) => s.why.mapLayer);
  const layers = mapLayers(network);
  const layer = mappedLayer(network, picked);
  const umapShown = method === 'umap' && umap.state === 'done';
  const coords = umapShown ? umap.coords : map?.coords;
  const self = umapShown ? umap.self : (map?.self ?? null);
  const classes = map ? new Set(map.labels).size : 0;
  const name = (i: number) => `${i + 1}. ${t(`kind.${network.layers[i].kind}`)}`;
  return (
    <section className="why-part why-map-part" aria-labelledby="why-map-title">
      <h3 id="why-map-title">{t('why.mapTitle')}</h3>
      {layers.length === 0 ? (
        <p className="muted">{t('why.noHidden')}</p>
      ) : (
        <>
          <div className="why-controls">
            <label className="why-field">
              <span>{t('why.mapLayer')}</span>
              <select data-testid="why.map-layer" value={layer} onChange={(e) => setMapLayer(Number(e.target.value))}>
                {layers.map((l) => (
                  <option key={l.index} value={l.index}>
                    {t('why.layerOption', { name: name(l.index), width: l.width })}
                  </option>
                ))}
              </select>
            </label>
            <div className="why-methods" role="group" aria-label={t('why.mapMethod')}>
              <button data-testid="why.map-pca" aria-pressed={method === 'pca'} onClick={showPca}>
                PCA
              </button>
              <button
                data-testid="why.map-umap"
                aria-pressed={method === 'umap'}
                disabled={!map || umap.state === 'fitting'}
                onClick={() => void fitUmap()}
              >
                {umap.state === 'done' ? t('why.umapAgain') : 'UMAP'}
              </button>
            </div>
          </div>
          {umap.state === 'fitting' && (
            <p className="why-status" data-testid="why.umap-progress">
              {t('why.umapFitting', { percent: Math.round(100 * umap.progress) })}
            </p>
          )}
          <div
            className="why-map"
            data-testid="why.map"
            data-points={map ? map.labels.length : 0}
            data-classes={classes}
            data-method={umapShown ? 'umap' : 'pca'}
            data-layer={map?.layer ?? ''}
          >
            {map && coords && (
              <MapCanvas
                pointsKey={`${map.layer}:${umapShown ? 'umap' : 'pca'}`}
                coords={coords}
                labels={map.labels}
                self={self}
                imageOf={mapImage}
                onPick={(point) => void openLearningStep('test-image', map.indices[point])}
              />
            )}
            {!map && <p className="muted">{t('why.mapComputing')}</p>}
          </div>
          <ul className="why-legend" aria-label={t('why.legend')}>
            {DIGIT_COLORS.map((c, d) => (
              <li key={d}>
                <span style={{ background: c }} aria-hidden="true" />
                {d}
              </li>
            ))}
          </ul>
          {map && (
            <p className="why-status">
              {t('why.knn')}: <strong data-testid="why.map-knn">{(umapShown ? umap.knn : map.knn).toFixed(4)}</strong>{' '}
              <span className="muted">
                {umapShown
                  ? t('why.umapWhen', { epoch: umap.epoch })
                  : t('why.mapWhen', { epoch: map.epoch, batch: map.batch, ms: Math.round(map.ms) })}
                {map.used < map.width && ` ${t('why.sketched', { width: map.width, used: map.used })}`}
              </span>
            </p>
          )}
          {history.some((h) => h.layer === layer) && (
            <p className="why-history" data-testid="why.map-knn-history">
              {t('why.knnHistory')}{' '}
              {history
                .filter((h) => h.layer === layer)
                .map((h) => t('why.knnAfter', { epoch: h.epoch, knn: h.knn.toFixed(4) }))
                .join(' · ')}
            </p>
          )}
          <p className="why-explain">{t('why.explain.map')}</p>
        </>
      )}
    </section>
  );
}
