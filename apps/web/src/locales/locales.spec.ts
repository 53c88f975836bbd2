import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import en from './en.json';
import ja from './ja.json';

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** "comments.title_one" and "comments.title_other" are one message: "comments.title". */
function messages(tree: Tree): Set<string> {
  return new Set(keys(tree).map((k) => k.replace(PLURAL, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'gql' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('locales', () => {
  const jaMessages = messages(ja as Tree);
  const enMessages = messages(en as Tree);

  it('have the same messages in Japanese and English', () => {
    expect([...jaMessages].filter((k) => !enMessages.has(k))).toEqual([]);
    expect([...enMessages].filter((k) => !jaMessages.has(k))).toEqual([]);
  });

  it('translate every string the app asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string);
    }
    // Built keys: the demo's progress steps.
    for (const step of ['accounts', 'process', 'members', 'proposals', 'comments', 'decision', 'meeting', 'guests']) used.add(`demo.step.${step}`);
    for (const status of ['live', 'connecting', 'delayed', 'reconnecting', 'offline']) used.add(`live.${status}`);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !jaMessages.has(k))).toEqual([]);
    expect([...used].filter((k) => !enMessages.has(k))).toEqual([]);
  });

  it('keep the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const flat = (tree: Tree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`.replace(PLURAL, ''), v] as [string, string]] : flat(v, `${prefix}${k}.`)));
    const enByKey = new Map<string, Set<string>>();
    for (const [k, v] of flat(en as Tree)) enByKey.set(k, new Set([...(enByKey.get(k) ?? []), ...vars(v).filter((x): x is string => !!x)]));
    const mismatches = flat(ja as Tree)
      .filter(([k, v]) => {
        const jaVars = vars(v).filter((x) => x !== 'count');
        const enVars = [...(enByKey.get(k) ?? [])].filter((x) => x !== 'count');
        return jaVars.some((x) => !enVars.includes(x as string)) || enVars.some((x) => !jaVars.includes(x));
      })
      .map(([k]) => k);
    expect(mismatches).toEqual([]);
  });
});
