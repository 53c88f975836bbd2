#!/usr/bin/env node
// `npm run demo [URL]`: creates the みなと川市 demo workshop on a running Yoriai server
// (default http://localhost:3000) through its public GraphQL API, then prints the join code and
// the sign-in details.
//
// The seed is written once, in TypeScript, for the web app's first-run button
// (apps/web/src/features/demo/seed.ts, which uses only fetch). Node 20 cannot run TypeScript, so
// this script transpiles that file and its data file with the project's own TypeScript compiler
// into a temporary folder and imports them: no build step, and the two callers cannot drift apart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'apps/web/src/features/demo');
const FILES = ['seed.ts', 'demo-content.ts', 'demo-delivery.ts', 'demo-themes.ts'];

const STEP_LABELS = {
  accounts: 'アカウントを作成しています / creating accounts',
  process: '協議プロセスを作成しています / creating the process',
  members: 'メンバーを登録しています / adding members',
  proposals: '提案を投稿しています / posting proposals',
  comments: 'コメントを書き込んでいます / writing comments',
  decision: '採決して合意記録を残しています / deciding a proposal',
  delivery: '1年分の進捗と横展開を記録しています / a year of delivery and shared practice',
  meeting: 'ワークショップを開始しています / starting the workshop',
  guests: '住民が参加コードで参加しています / residents joining by code',
  done: '完了 / done',
};

function usage(message) {
  if (message) console.error(`demo: ${message}`);
  console.error('usage: npm run demo [-- [--json] http://host:port]   (default http://localhost:3000)');
  process.exit(2);
}

async function loadSeed() {
  const dir = mkdtempSync(join(tmpdir(), 'yoriai-demo-'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  for (const file of FILES) {
    const out = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
        rewriteRelativeImportExtensions: true,
      },
    });
    writeFileSync(join(dir, file.replace(/\.ts$/, '.js')), out.outputText);
  }
  try {
    return await import(pathToFileURL(join(dir, 'seed.js')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  if (argv.includes('-h') || argv.includes('--help')) usage();
  // --json: print the result as one JSON object (for scripts) instead of the summary.
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const raw = args[0] ?? process.env.YORIAI_URL ?? 'http://localhost:3000';
  let base;
  try {
    base = new URL(raw);
  } catch {
    usage(`not a URL: ${raw}`);
  }
  const baseUrl = base.origin;

  try {
    const health = await fetch(`${baseUrl}/healthz`);
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
  } catch (e) {
    console.error(`demo: no Yoriai server answers at ${baseUrl} (${e instanceof Error ? e.message : e}).`);
    console.error('      Start it first with `npm start`, then run `npm run demo` in another terminal.');
    process.exit(1);
  }

  const { createDemo } = await loadSeed();
  const log = json ? () => undefined : (line) => console.log(line);
  log(`寄合 Yoriai: デモを作成します / creating the demo on ${baseUrl}`);
  const started = Date.now();
  const result = await createDemo({
    baseUrl,
    onProgress: (step, done, total) => step !== 'done' && log(`  [${done + 1}/${total}] ${STEP_LABELS[step] ?? step}`),
  });
  if (json) {
    console.log(JSON.stringify({ baseUrl, ...result }));
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = `${result.joinCode.slice(0, 3)} ${result.joinCode.slice(3)}`;
  console.log('');
  console.log(`✔ ${result.processTitle}  (${seconds}s)`);
  console.log('');
  console.log(`  参加コード / join code:   ${code}`);
  console.log(`  スマホで参加 / on a phone: ${baseUrl}/j/${result.joinCode}`);
  console.log(`  プロジェクター / screen:   ${baseUrl}/meetings/${result.meetingId}/screen  (sign in as the facilitator)`);
  console.log(`  ファシリテーター画面:       ${baseUrl}/m/${result.meetingId}/console`);
  console.log(`  事務局デスク / desk:       ${baseUrl}/p/${result.processId}/desk`);
  console.log(`  工程表・KPI / roadmap:     ${baseUrl}/p/${result.processId}/delivery`);
  console.log(`  公開の進捗 / public page:  ${baseUrl}/p/${result.processId}/progress`);
  console.log(`  横展開 / imported by:      ${baseUrl}/p/${result.secondProcessId}/delivery`);
  console.log('');
  console.log('  ログイン / sign in at ' + `${baseUrl}/signin`);
  for (const c of result.credentials) {
    console.log(`    ${c.role.padEnd(12)} ${c.name}  ${c.email}  password: ${c.password}`);
  }
}

main().catch((e) => {
  const code = e && typeof e === 'object' && 'code' in e && e.code ? ` [${e.code}]` : '';
  console.error(`demo: failed${code}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
