import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';
import type { Part } from '../features/experiment';
import PanelBoundary from './PanelBoundary';

/**
 * One part of the page as a link wants it: shown, shown but locked (every control inside disabled), or hidden;
 * each behind its own error boundary.
 */
export default function PartView({ part, children }: { part: Part; children: React.ReactNode }) {
  const { t } = useTranslation();
  const hidden = useStore((s) => s.ui.hidden.includes(part));
  const locked = useStore((s) => s.ui.locked.includes(part));
  if (hidden) return null;
  const content = <PanelBoundary part={part}>{children}</PanelBoundary>;
  if (!locked) return content;
  return (
    <fieldset disabled className="locked" data-testid={`ui.locked-${part}`}>
      <legend className="locked-note">🔒 {t('app.locked')}</legend>
      {content}
    </fieldset>
  );
}
