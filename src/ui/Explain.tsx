import { useTranslation } from 'react-i18next';

export type ExplainTopic = 'neurons' | 'activation' | 'gradient' | 'lrChange' | 'loss' | 'histogram' | 'augment';

/** A short explanation next to the control or chart that shows the concept; closed until asked for. */
export default function Explain({ topic }: { topic: ExplainTopic }) {
  const { t } = useTranslation();
  const title = t(`explain.${topic}.topic`);
  return (
    <details className="explain" data-testid="ui.explain">
      <summary aria-label={t('explain.label', { topic: title })}>?</summary>
      <div className="explain-body" role="note">
        <strong>{title}.</strong> {t(`explain.${topic}.text`)}
      </div>
    </details>
  );
}
