/** A short explanation next to the control or chart that shows the concept; closed until asked for. */
export default function Explain({ topic, children }: { topic: string; children: React.ReactNode }) {
  return (
    <details className="explain" data-testid="ui.explain">
      <summary aria-label={`Explain: ${topic}`}>?</summary>
      <div className="explain-body" role="note">
        <strong>{topic}.</strong> {children}
      </div>
    </details>
  );
}
