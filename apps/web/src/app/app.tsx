import { DEFAULT_PILLARS } from '@yoriai/domain';

/** Placeholder shell until the web-app issue lands: shows the product and its five pillars. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>寄合 Yoriai</h1>
      <p>産官学金労言の合意形成プラットフォーム</p>
      <ol>
        {DEFAULT_PILLARS.map((p) => (
          <li key={p.key}>{p.titleJa}</li>
        ))}
      </ol>
    </main>
  );
}
