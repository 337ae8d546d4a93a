import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { selectPredictedDigit } from '../../store/selectors';
import { setSaliencyMethod, setWhyClass, setWhyVersus } from './actions';
import DigitSelect from './DigitSelect';
import SaliencyPicture from './SaliencyPicture';

/** Which pixels pushed the score of a class up (red) or down (blue): the gradient, or integrated gradients. */
export default function SaliencyView() {
  const { t } = useTranslation();
  const saliency = useStore((s) => s.why.saliency);
  const pinned = useStore((s) => s.why.cls);
  const versus = useStore((s) => s.why.versus);
  const method = useStore((s) => s.why.method);
  const predicted = useStore(selectPredictedDigit);
  const input = useStore((s) => s.draw.input);
  const cls = pinned ?? saliency?.cls ?? Math.max(0, predicted);
  const what =
    saliency?.versus != null
      ? t('why.versusLegend', { cls: saliency.cls, versus: saliency.versus })
      : t('why.classLegend', { cls: saliency?.cls ?? cls });
  return (
    <section className="why-part" aria-labelledby="why-saliency-title">
      <h3 id="why-saliency-title">{t('why.saliencyTitle')}</h3>
      <div className="why-controls">
        <DigitSelect label={t('why.class')} testId="why.class" value={cls} onChange={(d) => setWhyClass(d)} />
        <DigitSelect
          label={t('why.versus')}
          testId="why.versus"
          value={versus}
          none={t('why.versusNone')}
          onChange={setWhyVersus}
        />
        {pinned !== null && (
          <button className="link" data-testid="why.follow" onClick={() => setWhyClass(null)}>
            {t('why.follow', { d: predicted })}
          </button>
        )}
      </div>
      <div className="why-methods" role="radiogroup" aria-label={t('why.method')}>
        {(['gradient', 'integrated'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="why-method"
              data-testid={`why.method-${m}`}
              checked={method === m}
              onChange={() => setSaliencyMethod(m)}
            />
            {t(`why.method.${m}`)}
          </label>
        ))}
      </div>
      {saliency ? (
        <figure className="why-figure">
          <SaliencyPicture values={saliency.values} input={input} size={224} label={what} testId="why.saliency" />
          <figcaption>
            <span className="why-key why-key-pos">{t('why.red')}</span>{' '}
            <span className="why-key why-key-neg">{t('why.blue')}</span>
            <br />
            {what}
          </figcaption>
        </figure>
      ) : (
        <p className="muted">{t('why.drawFirst')}</p>
      )}
      <p className="why-explain">{t(`why.explain.${method}`)}</p>
    </section>
  );
}
