import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The hash of one consensus record, exactly:
 *
 *   hash = lowercase_hex(SHA-256(UTF-8(canonicalJson({ "body": body, "prevHash": prevHash }))))
 *
 * i.e. the bytes hashed are `{"body":<canonical body>,"prevHash":"<hex>"}` (or `"prevHash":null`
 * for the first record). An offline verifier in another language must reproduce precisely this;
 * see canonicalJson for the serialisation rules. Note that keys sort by UTF-16 code units, not code
 * points (they differ only for characters beyond U+FFFF); in Python:
 *   json.dumps(v, ensure_ascii=False, separators=(',', ':')) with keys sorted by k.encode('utf-16-be').
 */
export function hashRecord(body: unknown, prevHash: string | null): string {
  return sha256Hex(canonicalJson({ body, prevHash }));
}

export interface ChainEntry {
  seq: number;
  prevHash: string | null;
  hash: string;
  body: unknown;
}

export type ChainBreak = 'BAD_SEQ' | 'BAD_GENESIS' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' | 'NOT_CANONICAL';

export interface ChainVerification {
  valid: boolean;
  length: number;
  /** seq the first bad entry should have had (its position, 1-based), or null when valid. */
  brokenAt: number | null;
  /** Why it broke: one of ChainBreak. */
  reason?: ChainBreak;
}

/** The entry that follows `prev` (or starts a chain when prev is null). */
export function nextChainEntry(prev: Pick<ChainEntry, 'seq' | 'hash'> | null, body: unknown): ChainEntry {
  const prevHash = prev ? prev.hash : null;
  return { seq: prev ? prev.seq + 1 : 1, prevHash, hash: hashRecord(body, prevHash), body };
}

/** Builds a whole chain from bodies in order (tests, demos, re-export). */
export function buildChain(bodies: ReadonlyArray<unknown>): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (const body of bodies) out.push(nextChainEntry(out[out.length - 1] ?? null, body));
  return out;
}

/**
 * Verifies a chain given in seq order: seq runs 1, 2, 3 … without gaps, the first prevHash is null,
 * each prevHash equals the previous hash, and each hash recomputes from its body. The array is not
 * sorted here on purpose: a record out of place is itself a break.
 */
export function verifyChain(entries: ReadonlyArray<ChainEntry>): ChainVerification {
  let prevHash: string | null = null;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as ChainEntry;
    const broken = (reason: ChainBreak): ChainVerification => ({
      valid: false,
      length: entries.length,
      brokenAt: i + 1,
      reason,
    });
    if (entry.seq !== i + 1) return broken('BAD_SEQ');
    if (i === 0 ? entry.prevHash !== null : entry.prevHash !== prevHash) {
      return broken(i === 0 ? 'BAD_GENESIS' : 'PREV_HASH_MISMATCH');
    }
    let expected: string;
    try {
      expected = hashRecord(entry.body, entry.prevHash);
    } catch {
      return broken('NOT_CANONICAL');
    }
    if (entry.hash !== expected) return broken('HASH_MISMATCH');
    prevHash = entry.hash;
  }
  return { valid: true, length: entries.length, brokenAt: null };
}

/**
 * Content hash of a proposal version, stored in the consensus record so readers can tell exactly
 * which text was decided: sha256Hex(canonicalJson({ "body": body, "kpis": kpis, "title": title })).
 * Text is hashed as given (no trimming or line-ending changes).
 */
export function contentHash(version: { title: string; body: string; kpis: ReadonlyArray<unknown> }): string {
  return sha256Hex(canonicalJson({ title: version.title, body: version.body, kpis: version.kpis }));
}
