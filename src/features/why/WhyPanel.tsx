// "Why did it say that?": three views of the network on the drawing, on the live weights while training goes on.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './why.css';
import { useMsg } from '../../i18n/translate';
import { useStore } from '../../store/store';
import { closeWhy } from './actions';
import AttackView from './AttackView';
import HiddenMapView from './HiddenMapView';
import SaliencyView from './SaliencyView';
import { useLiveRefresh } from './useLiveRefresh';

export default function WhyPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  const error = useStore((s) => s.why.error);
  const panel = useRef<HTMLElement>(null);
  useLiveRefresh();
  useEffect(() => {
    // A block, not an expression: Chromium's scrollIntoView returns a promise, which React would call on unmount.
    panel.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section
      ref={panel}
      className="panel why-panel"
      aria-labelledby="why-title"
      data-testid="why.panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        closeWhy();
        document.querySelector<HTMLElement>('[data-testid="why.open"]')?.focus();
      }}
    >
      <div className="why-head">
        <h2 id="why-title">{t('why.title')}</h2>
        <p className="muted">{t('why.lead')}</p>
        <button data-testid="why.close" onClick={closeWhy}>
          {t('why.close')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert" data-testid="why.error" data-part={error.part}>
          {tm(error.text)}
        </p>
      )}
      <div className="why-grid">
        <SaliencyView />
        <AttackView />
        <HiddenMapView />
      </div>
    </section>
  );
}
