import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/environment';
import { RunningServer, startServer, StartupError } from './server';

function fail(message: string): never {
  process.stderr.write(`yoriai: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (e) {
    if (e instanceof StartupError) fail(e.message);
    fail(`start-up failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`yoriai: ${signal} received, shutting down\n`);
    const timer = setTimeout(() => fail('shutdown took longer than 15 s; exiting'), 15_000);
    timer.unref();
    server
      .close()
      .then(() => process.exit(0))
      .catch((e: unknown) => fail(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
