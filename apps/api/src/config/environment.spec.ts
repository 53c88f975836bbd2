import { ConfigError, loadConfig, redactUrl } from './environment';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, logLevel: 'info', nodeEnv: 'development', isProduction: false });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('.yoriai')).toBe(true);
  });

  it('names the variable and the bad value in one message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('PORT must be a whole number between 0 and 65535 (got "abc")');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// URL');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of');
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow('REDIS_PREFIX must be 1–40 letters');
    expect(loadConfig({ REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'yoriai-akita' })).toMatchObject({ redisUrl: 'redis://r:6379', redisPrefix: 'yoriai-akita' });
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required when NODE_ENV=production');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow('at least 32 characters');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).isProduction).toBe(true);
  });

  it('never prints a password', () => {
    expect(redactUrl('postgres://u:secret@db:5432/x')).toBe('postgres://u:***@db:5432/x');
  });
});
