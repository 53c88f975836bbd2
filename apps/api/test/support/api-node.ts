import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import type { AppConfig } from '../../src/config/environment';

export interface ApiNode {
  url: string;
  process: ChildProcess;
  /** SIGKILL: the node dies mid-request, as a crashed or OOM-killed replica does. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop (rolling restart). */
  stop(): Promise<void>;
  /** Everything the node printed so far (stdout and stderr). */
  output(): string;
}

const ROOT = path.resolve(__dirname, '../../../..');

/** Starts another real API node in a child process (same test database), for multi-node tests. */
export function startApiNode(overrides: Partial<AppConfig>, timeoutMs = 30_000): Promise<ApiNode> {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'swc-register.cjs'), path.join(__dirname, 'child-node.ts')], {
    cwd: ROOT,
    env: { ...process.env, YORIAI_NODE_OVERRIDES: JSON.stringify(overrides) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  let output = '';
  const collect = (d: Buffer) => (output = (output + d.toString()).slice(-200_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API node did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.stdout?.on('data', (d: Buffer) => {
      const ready = /READY (\S+)/.exec(d.toString());
      if (!ready) return;
      clearTimeout(timer);
      resolve({ url: ready[1], process: child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM'), output: () => output });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API node exited with ${code}: ${stderr}`));
    });
  });
}
