import type { ReactNode } from 'react';

/** One measure of the page: a heading, the one-line explanation of what it means, then its figures. */
export function Measure({ id, title, explain, children, actions }: { id: string; title: string; explain: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card stack analytics-measure" aria-labelledby={`${id}-heading`} data-testid={id}>
      <div className="row analytics-measure-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        {actions}
      </div>
      <p className="muted small analytics-explain">{explain}</p>
      {children}
    </section>
  );
}
