/**
 * A second API node in its own process (multi-node tests): started with the test configuration
 * plus the JSON overrides in YORIAI_NODE_OVERRIDES; prints "READY <url>" when listening.
 * Run: node -r apps/api/test/support/swc-register.cjs apps/api/test/support/child-node.ts
 */
import type { AppConfig } from '../../src/config/environment';
import { startTestServer } from './test-app';

async function main(): Promise<void> {
  const overrides = JSON.parse(process.env.YORIAI_NODE_OVERRIDES ?? '{}') as Partial<AppConfig>;
  const server = await startTestServer(overrides);
  process.stdout.write(`READY ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`child node failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
