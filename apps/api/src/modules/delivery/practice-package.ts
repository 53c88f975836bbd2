import {
  PRACTICE_FORMAT,
  PRACTICE_MAX_CHARS,
  PRACTICE_MAX_ITEMS,
  PRACTICE_MAX_KPIS,
  PRACTICE_MAX_LINKS,
  PRACTICE_MAX_MEASUREMENTS,
  practiceSize,
  type PracticeKpiText,
  type PracticeLink,
} from '@yoriai/domain';
import { badInput, type DomainError } from '../../common/errors/domain-error';
import type { ProgressDecision } from './progress-report';

/**
 * The practice package (横展開, format yoriai.practice/1; schema in docs/delivery.md). Everything a
 * receiving region needs to reuse a decided plan and to check it: the proposal as decided, its
 * consensus record as hashed, the chain links from the record to the head, and the KPIs and
 * roadmap as they stood at export.
 */
export interface PracticePackage {
  format: typeof PRACTICE_FORMAT;
  exportedAt: string;
  algorithm: { recordHash: string; contentHash: string; canonicalJson: string };
  source: { processId: string; processTitle: string; region: string | null; pillar: { position: number; title: string } | null };
  proposal: { id: string; version: number; title: string; body: string; kpis: PracticeKpiText[]; contentHash: string };
  record: { id: string; seq: number; prevHash: string | null; hash: string; decidedAt: string; body: Record<string, unknown> };
  chain: { length: number; headHash: string; links: PracticeLink[] };
  progress: Pick<ProgressDecision, 'kpis' | 'roadmap'>;
}

const HASH = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Invalid extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function obj(x: unknown, path: string): Obj {
  if (!isObj(x)) throw new Invalid(path);
  return x;
}
function str(x: unknown, path: string, max: number, pattern?: RegExp, min = 0): string {
  if (typeof x !== 'string' || x.length > max || x.length < min || x.includes('\u0000') || (pattern && !pattern.test(x))) throw new Invalid(path);
  return x;
}
function optStr(x: unknown, path: string, max: number, pattern?: RegExp): string | null {
  return x == null ? null : str(x, path, max, pattern);
}
function int(x: unknown, path: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) throw new Invalid(path);
  return x;
}
function arr(x: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(x) || x.length > max) throw new Invalid(path);
  return x;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function kpiText(x: unknown, path: string): PracticeKpiText {
  const k = obj(x, path);
  const out: PracticeKpiText = {
    indicator: str(k.indicator, `${path}.indicator`, 200, undefined, 1),
    baseline: optStr(k.baseline, `${path}.baseline`, 200),
    target: str(k.target, `${path}.target`, 200, undefined, 1),
    deadline: optStr(k.deadline, `${path}.deadline`, 10, DATE),
  };
  // The unit is part of the hashed KPI only when present (as it was stored).
  if (k.unit !== undefined) out.unit = str(k.unit, `${path}.unit`, 20);
  return out;
}

/**
 * The parts of a package a receiving instance relies on, checked strictly: a wrong type, a value
 * out of its limits or a missing part is a BAD_USER_INPUT naming the path, before anything is
 * written. The rest (progress) is data shown with the template, checked for shape and size.
 */
export function parsePracticePackage(raw: unknown): PracticePackage {
  let size: number;
  try {
    size = practiceSize(raw);
  } catch {
    throw badInput('PRACTICE_INVALID', '横展開パッケージが JSON として正しくありません。', 'The practice package is not valid JSON data.', { path: '$' });
  }
  if (size > PRACTICE_MAX_CHARS) {
    throw badInput('PRACTICE_TOO_LARGE', `横展開パッケージが大きすぎます（上限 ${PRACTICE_MAX_CHARS.toLocaleString()} 文字）。`, `The practice package is too large (at most ${PRACTICE_MAX_CHARS} characters).`, { size, max: PRACTICE_MAX_CHARS });
  }
  if (!isObj(raw) || raw.format !== PRACTICE_FORMAT) {
    throw badInput('PRACTICE_FORMAT_UNKNOWN', `横展開パッケージの形式が違います（${PRACTICE_FORMAT} が必要です）。`, `Not a practice package (format ${PRACTICE_FORMAT} expected).`, {
      format: isObj(raw) ? String(raw.format ?? '') : null,
    });
  }
  try {
    return check(raw);
  } catch (e) {
    if (e instanceof Invalid) throw invalidAt(e.path);
    throw e;
  }
}

const invalidAt = (path: string): DomainError =>
  badInput('PRACTICE_INVALID', `横展開パッケージの「${path}」が正しくありません。`, `The practice package is invalid at ${path}.`, { path });

function check(raw: Obj): PracticePackage {
  const source = obj(raw.source, '$.source');
  const pillarRaw = source.pillar == null ? null : obj(source.pillar, '$.source.pillar');
  const proposal = obj(raw.proposal, '$.proposal');
  const record = obj(raw.record, '$.record');
  const chain = obj(raw.chain, '$.chain');
  const progress = obj(raw.progress, '$.progress');
  const links = arr(chain.links, '$.chain.links', PRACTICE_MAX_LINKS).map((l, i) => {
    const link = obj(l, `$.chain.links[${i}]`);
    return { seq: int(link.seq, `$.chain.links[${i}].seq`, 1, 2 ** 31), prevHash: optStr(link.prevHash, `$.chain.links[${i}].prevHash`, 64, HASH), hash: str(link.hash, `$.chain.links[${i}].hash`, 64, HASH) };
  });
  if (!links.length) throw new Invalid('$.chain.links');
  const kpis = arr(progress.kpis, '$.progress.kpis', PRACTICE_MAX_KPIS);
  kpis.forEach((k, i) => arr(obj(k, `$.progress.kpis[${i}]`).measurements, `$.progress.kpis[${i}].measurements`, PRACTICE_MAX_MEASUREMENTS));
  arr(progress.roadmap, '$.progress.roadmap', PRACTICE_MAX_ITEMS).forEach((x, i) => obj(x, `$.progress.roadmap[${i}]`));
  return {
    format: PRACTICE_FORMAT,
    exportedAt: str(raw.exportedAt, '$.exportedAt', 40),
    algorithm: raw.algorithm as PracticePackage['algorithm'],
    source: {
      processId: str(source.processId, '$.source.processId', 36, UUID),
      processTitle: str(source.processTitle, '$.source.processTitle', 200, undefined, 1),
      region: optStr(source.region, '$.source.region', 100),
      pillar: pillarRaw ? { position: int(pillarRaw.position, '$.source.pillar.position', 1, 1000), title: str(pillarRaw.title, '$.source.pillar.title', 200) } : null,
    },
    proposal: {
      id: str(proposal.id, '$.proposal.id', 36, UUID),
      version: int(proposal.version, '$.proposal.version', 1, 100_000),
      title: str(proposal.title, '$.proposal.title', 200, /\S/, 1),
      body: str(proposal.body, '$.proposal.body', 20_000),
      kpis: arr(proposal.kpis, '$.proposal.kpis', PRACTICE_MAX_KPIS).map((k, i) => kpiText(k, `$.proposal.kpis[${i}]`)),
      contentHash: str(proposal.contentHash, '$.proposal.contentHash', 64, HASH),
    },
    record: {
      id: str(record.id, '$.record.id', 36, UUID),
      seq: int(record.seq, '$.record.seq', 1, 2 ** 31),
      prevHash: optStr(record.prevHash, '$.record.prevHash', 64, HASH),
      hash: str(record.hash, '$.record.hash', 64, HASH),
      decidedAt: str(record.decidedAt, '$.record.decidedAt', 40),
      body: obj(record.body, '$.record.body'),
    },
    chain: { length: int(chain.length, '$.chain.length', 1, 2 ** 31), headHash: str(chain.headHash, '$.chain.headHash', 64, HASH), links },
    progress: progress as PracticePackage['progress'],
  };
}
