import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Worker threads of the API (the minutes renderer, the theme clustering): one way to start them
// from the build and from TypeScript sources alike.

/**
 * From the build (dist/*.js) the worker file runs as it is. From TypeScript sources (jest, ts
 * tooling) a small bootstrap compiles the worker's modules with swc first, the same transform
 * jest uses, so tests exercise exactly the worker path production takes.
 */
export function spawnWorker(dir: string, name: string, options: Omit<WorkerOptions, 'eval' | 'workerData'> = {}): Worker {
  const compiled = path.join(dir, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  const entry = path.join(dir, `${name}.ts`);
  return new Worker(TS_BOOTSTRAP, { ...options, eval: true, workerData: { entry, aliases: pathAliases() } });
}

/** @yoriai/* → absolute source paths, from tsconfig.base.json (only needed when running from sources). */
function pathAliases(): Record<string, string> {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'tsconfig.base.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return {};
    dir = up;
  }
  const paths = (JSON.parse(readFileSync(path.join(dir, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
  return Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [alias, path.resolve(dir, target as string)]));
}

const TS_BOOTSTRAP = `
const Module = require('node:module');
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const swc = require(require.resolve('@swc/core', { paths: [workerData.entry] }));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return resolve.call(this, workerData.aliases[request] || request, ...rest); };
Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;
