// One error boundary per panel (react-error-boundary): a bug in one panel shows a message and a "reload this
// panel" button in its place; the rest of the page, and the training run in the worker, go on.
import { useSyncExternalStore, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import type { Part } from '../features/experiment';

/** Parts made to throw on their next render (test hook: playgroundDebug.breakPanel), cleared by a reload. */
const faults = new Set<Part>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
export function injectPanelFault(part: Part) {
  faults.add(part);
  notify();
}

function FaultInjector({ part }: { part: Part }) {
  const broken = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => faults.has(part),
  );
  if (broken) throw new Error(`injected fault in the ${part} panel`);
  return null;
}

function Fallback({ error, resetErrorBoundary, part }: FallbackProps & { part: Part }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="panel-error" role="alert" data-testid={`ui.panel-error-${part}`}>
      <p>
        <strong>{t('app.panelFailed', { panel: t(`part.${part}`) })}</strong>
      </p>
      <p className="muted small">{t('app.panelFailedDetail', { detail: detail.slice(0, 200) })}</p>
      <button data-testid={`ui.panel-reload-${part}`} onClick={resetErrorBoundary}>
        {t('app.panelReload')}
      </button>
    </div>
  );
}

export default function PanelBoundary({ part, children }: { part: Part; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={(p) => <Fallback {...p} part={part} />}
      onError={(e) => console.error(`panel ${part} failed`, e)}
      onReset={() => {
        faults.delete(part);
        notify();
      }}
    >
      <FaultInjector part={part} />
      {children}
    </ErrorBoundary>
  );
}
