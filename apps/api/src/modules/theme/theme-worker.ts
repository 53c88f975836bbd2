import { buildThemeModel, buildThemes, modelFingerprint, termsOf, upcomingModelSizes, type Sector, type Stance, type Theme, type ThemeComment, type ThemeModel, type ThemeModelCache } from '@yoriai/domain';
import { parentPort, type Worker } from 'node:worker_threads';
import { spawnWorker } from '../../common/workers/spawn-worker';
import { japaneseTokenizer } from './japanese-tokenizer';

/**
 * A scope's comments as PostgreSQL aggregates them: one comma-separated string per column, in time
 * order (ThemeEngine's SQL). Strings cross the thread boundary as a copy of their bytes, so the
 * API's event loop neither parses the rows nor clones thousands of objects.
 */
export interface ScopeColumns {
  n: number;
  ids: string | null;
  authors: string | null;
  sectors: string | null;
  stances: string | null;
  /** Milliseconds since the epoch. */
  times: string | null;
}

export interface ThemeJob {
  id: number;
  /** Scope key (`meeting:<id>`): its models are kept under it. */
  key: string;
  scope: ScopeColumns;
  options: { idPrefix: string; merges: string[][]; labels: Record<string, string> };
  /** JSON `[[commentId, [term, …]], …]` chunks: terms kept in the database. */
  terms: string[];
  /** JSON `[[commentId, body], …]` chunks: comments never tokenised yet. */
  bodies: string[];
}

export type ThemeReply =
  | { id: number; ok: true; themes: Theme[]; newTerms: string | null }
  /** Comments whose terms this worker does not hold: send them (terms or bodies) again. */
  | { id: number; ok: 'missing'; missing: string[]; newTerms: string | null }
  | { id: number; ok: false; message: string };

const TERM_CACHE_LIMIT = 250_000;
const SCOPE_LIMIT = 500;
/** Models kept per scope: the current one and the ones built ahead for the next checkpoints. */
const MODELS_PER_SCOPE = 3;

const terms = new Map<string, string[]>();
const models = new Map<string, ThemeModel[]>();
const ahead = new Set<string>();

function remember(id: string, t: string[]): void {
  if (!terms.has(id) && terms.size >= TERM_CACHE_LIMIT) terms.delete(terms.keys().next().value as string);
  terms.set(id, t);
}

function modelCache(key: string): ThemeModelCache {
  return {
    get: (fingerprint) => models.get(key)?.find((m) => m.fingerprint === fingerprint),
    set: (model) => {
      const list = [model, ...(models.get(key) ?? []).filter((m) => m.fingerprint !== model.fingerprint)].slice(0, MODELS_PER_SCOPE);
      if (!models.has(key) && models.size >= SCOPE_LIMIT) models.delete(models.keys().next().value as string);
      models.set(key, list);
    },
  };
}

const split = (s: string | null): string[] => (s ? s.split(',') : []);

async function handle(job: ThemeJob): Promise<ThemeReply> {
  for (const chunk of job.terms) for (const [id, t] of JSON.parse(chunk) as [string, string[]][]) remember(id, t);
  let newTerms: string | null = null;
  if (job.bodies.length > 0) {
    const tokenize = await japaneseTokenizer();
    const out: [string, string[]][] = [];
    for (const chunk of job.bodies) {
      for (const [id, body] of JSON.parse(chunk) as [string, string][]) {
        const t = termsOf(body, tokenize);
        remember(id, t);
        out.push([id, t]);
      }
    }
    newTerms = JSON.stringify(out);
  }
  const ids = split(job.scope.ids);
  const missing = ids.filter((id) => !terms.has(id));
  if (missing.length > 0) return { id: job.id, ok: 'missing', missing, newTerms };
  const [authors, sectors, stances, times] = [split(job.scope.authors), split(job.scope.sectors), split(job.scope.stances), split(job.scope.times)];
  const comments: ThemeComment[] = ids.map((id, i) => ({
    id,
    authorId: authors[i] as string,
    sector: sectors[i] as Sector,
    stance: stances[i] as Stance,
    createdAt: Number(times[i]),
    terms: terms.get(id) as string[],
  }));
  const themes = buildThemes(comments, { ...job.options, models: modelCache(job.key) });
  buildAhead(job.key, comments);
  return { id: job.id, ok: true, themes, newTerms };
}

/** A model to build ahead, from the answering worker to its helper, and the model back. */
interface AheadRequest {
  key: string;
  ids: string[];
  terms: string[][];
}
interface AheadReply {
  key: string;
  fingerprint: string;
  model: ThemeModel | null;
}

let helper: Worker | null = null;

/**
 * Builds the models the scope's next comments will need (their comments all exist now) in a helper
 * thread of this worker, so that the next comment's answer never waits for a clustering here. Only a
 * speed-up: a model missing when needed is built then, with the same result.
 */
function buildAhead(key: string, comments: ThemeComment[]): void {
  const sizes = upcomingModelSizes(comments.length);
  if (sizes.length === 0) return;
  const sorted = [...comments].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cache = modelCache(key);
  for (const size of sizes) {
    const prefix = sorted.slice(0, size);
    const ids = prefix.map((c) => c.id);
    const job = `${key}|${modelFingerprint(ids)}`;
    if (cache.get(modelFingerprint(ids)) || ahead.has(job)) continue;
    ahead.add(job);
    aheadHelper().postMessage({ key, ids, terms: prefix.map((c) => [...c.terms]) } satisfies AheadRequest);
  }
}

function aheadHelper(): Worker {
  if (helper) return helper;
  const worker = spawnWorker(__dirname, 'theme-worker', { argv: [AHEAD_ROLE] });
  worker.on('message', ({ key, fingerprint, model }: AheadReply) => {
    ahead.delete(`${key}|${fingerprint}`);
    if (model && !modelCache(key).get(fingerprint)) modelCache(key).set(model);
  });
  const gone = () => {
    if (helper === worker) helper = null;
    ahead.clear();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  worker.unref();
  helper = worker;
  return worker;
}

const AHEAD_ROLE = 'theme-ahead';

if (process.argv.includes(AHEAD_ROLE)) {
  // The helper: builds one model per request, in order.
  parentPort?.on('message', ({ key, ids, terms: prefixTerms }: AheadRequest) => {
    let model: ThemeModel | null = null;
    try {
      model = buildThemeModel(ids, prefixTerms);
    } catch {
      // Only a speed-up: the answering worker builds it when needed.
    }
    parentPort?.postMessage({ key, fingerprint: modelFingerprint(ids), model } satisfies AheadReply);
  });
} else {
  /**
   * The worker thread of the theme module (ThemePool): tokenising and clustering are synchronous CPU
   * work (seconds for a process of 20,000 comments), so they run here and the API's event loop keeps
   * serving votes and sockets meanwhile. It keeps each comment's terms and each scope's models.
   */
  parentPort?.on('message', (job: ThemeJob) => {
    handle(job).then(
      (reply) => parentPort?.postMessage(reply),
      (e: unknown) => parentPort?.postMessage({ id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies ThemeReply),
    );
  });
}
