#!/usr/bin/env node
// Compares Japanese morphological analysers for the themes (docs/analytics.md § Choosing the analyser):
// dictionary load time, tokenising speed on 20,000 comments, and theme quality (purity / NMI) on the
// evaluation set with the same normaliser and clustering. Only @sglkc/kuromoji is a dependency of the
// project; install the others into a scratch folder first (never into the project):
//
//   mkdir /tmp/analysers && cd /tmp/analysers && npm init -y && npm install kuromoji@0.1.2 lindera-wasm-nodejs-ipadic@2.0.0 tiny-segmenter@0.2.0
//   npx nx run api:build && node tools/bench/compare-analysers.mjs --modules /tmp/analysers/node_modules
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, require as projectRequire, root } from './lib.mjs';

const args = parseArgs();
const modules = args.get('modules');
const extra = modules ? createRequire(join(modules, 'x.js')) : null;
const domainModule = await import(pathToFileURL(join(root, 'dist/apps/api/libs/domain/src/index.js')).href);
const domain = domainModule.default ?? domainModule;
const evaluation = JSON.parse(readFileSync(join(root, 'libs/domain/src/themes/testing/evaluation-set.json'), 'utf8')).comments;

const kuromojiLike = (req, name) => async () => {
  const k = req(name);
  const dicPath = join(dirname(req.resolve(`${name}/package.json`)), 'dict');
  const t = await new Promise((res, rej) => k.builder({ dicPath }).build((e, x) => (e ? rej(e) : res(x))));
  return (text) => t.tokenize(text).map((m) => ({ surface: m.surface_form, pos: m.pos, posDetail1: m.pos_detail_1, basicForm: m.basic_form }));
};
const ANALYSERS = [
  { name: '@sglkc/kuromoji 1.1.0 (IPADIC)', load: kuromojiLike(projectRequire, '@sglkc/kuromoji') },
  extra && { name: 'kuromoji 0.1.2 (IPADIC)', load: kuromojiLike(extra, 'kuromoji') },
  extra && {
    name: 'lindera-wasm-nodejs-ipadic 2.0.0',
    load: async () => {
      const { TokenizerBuilder } = extra('lindera-wasm-nodejs-ipadic');
      const b = new TokenizerBuilder();
      b.setDictionary('embedded://ipadic');
      b.setMode('normal');
      const t = b.build();
      return (text) => t.tokenize(text).map((m) => ({ surface: m.surface, pos: m.partOfSpeech, posDetail1: m.partOfSpeechSubcategory1, basicForm: m.baseForm }));
    },
  },
  extra && {
    name: 'tiny-segmenter 0.2.0 (no parts of speech)',
    load: async () => {
      const TinySegmenter = extra('tiny-segmenter');
      const s = new TinySegmenter();
      // Without parts of speech every segment is taken as a noun; the normaliser's stop lists still apply.
      return (text) => s.segment(text).map((w) => ({ surface: w, pos: '名詞', posDetail1: '一般', basicForm: w }));
    },
  },
].filter(Boolean);

const bodies = Array.from({ length: 20000 }, (_, i) => evaluation[i % evaluation.length].body + (i >= evaluation.length ? ` ${i % 97}` : ''));
const rows = [];
for (const a of ANALYSERS) {
  let t0 = performance.now();
  const tokenize = await a.load();
  const loadMs = performance.now() - t0;
  for (const b of bodies.slice(0, 500)) tokenize(b); // warm up the JIT
  t0 = performance.now();
  for (const b of bodies) tokenize(b);
  const tokeniseMs = performance.now() - t0;
  const comments = evaluation.map((c, i) => ({ id: c.id, authorId: `a${i % 97}`, sector: domain.SECTORS[i % 7], stance: domain.STANCES[i % 4], createdAt: 1_700_000_000_000 + i * 1000, terms: domain.termsOf(c.body, tokenize) }));
  const themes = domain.buildThemes(comments);
  const of = new Map(themes.flatMap((t) => t.commentIds.map((id) => [id, t.id])));
  const clusters = evaluation.map((c) => of.get(c.id));
  const gold = evaluation.map((c) => c.theme);
  rows.push({ analyser: a.name, loadMs: Math.round(loadMs), tokenise20k: Math.round(tokeniseMs), purity: +domain.purity(clusters, gold).toFixed(3), nmi: +domain.nmi(clusters, gold).toFixed(3), themes: themes.length });
  console.log(rows[rows.length - 1]);
}
console.table(rows);
