import 'reflect-metadata';
import type { AppConfig } from '../../src/config/environment';
import { RunningServer, startServer } from '../../src/server';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const databaseUrl = process.env.YORIAI_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('YORIAI_TEST_DATABASE_URL is not set (jest global-setup creates it)');
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    dataDir: '/tmp/yoriai-test-data',
    logLevel: (process.env.LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
    nodeEnv: 'test',
    isProduction: false,
    webDistDir: '/nonexistent',
    ...overrides,
  };
}

/** The real server (HTTP + GraphQL + socket.io) on a random loopback port against the run's database. */
export async function startTestServer(overrides: Partial<AppConfig> = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides));
}
