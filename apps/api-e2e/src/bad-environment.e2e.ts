import { freePort, spawnServer } from './support/built-server';

async function startFailure(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const s = spawnServer({ LOG_LEVEL: 'warn', ...env }, 1);
  const code = await s.exited;
  return { code, output: s.output().trim() };
}

describe('a bad environment stops start-up with one clear line', () => {
  it('PORT=abc', async () => {
    const { code, output } = await startFailure({ PORT: 'abc', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(code).toBe(1);
    expect(output).toBe('yoriai: invalid configuration: PORT must be a whole number between 0 and 65535 (got "abc")');
  });

  it('an unreachable DATABASE_URL', async () => {
    const port = await freePort();
    const { code, output } = await startFailure({ PORT: String(port), DATABASE_URL: `postgres://postgres:pw@127.0.0.1:${await freePort()}/nowhere` });
    expect(code).toBe(1);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/^yoriai: cannot reach the database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/nowhere \(ECONNREFUSED\)/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('production without JWT_SECRET', async () => {
    const { code, output } = await startFailure({ NODE_ENV: 'production', JWT_SECRET: undefined, PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain('JWT_SECRET is required when NODE_ENV=production');
  });
});
