#!/usr/bin/env node
// Offline verifier for Yoriai exports — no dependencies, only Node's own modules (Node 18+).
//
//   node tools/verify-records.mjs records.json     consensus-record chain (GET /api/processes/:id/records.json)
//   node tools/verify-records.mjs minutes.json     content hash of final minutes (GET /api/meetings/:id/minutes.json)
//   node tools/verify-records.mjs practice.json    a 横展開 package (GET /api/records/:id/practice.json): the record's hash,
//                                                  the proposal text it decided, and its links to the chain head
//
// Prints "OK …" and exits 0 when everything recomputes; otherwise prints where it first breaks and
// exits 1. Exit code 2: the file could not be read or is not a Yoriai export.
//
// The hash of a record, exactly as libs/domain hashRecord computes it:
//   hash = lowercase_hex(SHA-256(UTF-8(canonicalJson({ "body": body, "prevHash": prevHash }))))
// canonicalJson (libs/domain canonical-json.ts): object keys sorted by UTF-16 code units
// (JavaScript's default sort), recursively; no whitespace; array order kept; strings and numbers
// exactly as JSON.stringify writes them; NaN/Infinity rejected.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

class NotCanonical extends Error {}

export function canonicalJson(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonical(`non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return `{${Object.keys(value)
        .sort()
        .filter((k) => value[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
        .join(',')}}`;
    default:
      throw new NotCanonical(`unsupported ${typeof value}`);
  }
}

export const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
export const hashRecord = (body, prevHash) => sha256Hex(canonicalJson({ body, prevHash }));

/** The chain check of libs/domain verifyChain, plus: the copies outside the hash agree with the body. */
export function verifyRecords(records) {
  let prevHash = null;
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i];
    const broken = (reason) => ({ valid: false, length: records.length, brokenAt: i + 1, reason, id: r?.id ?? null });
    if (!r || typeof r !== 'object') return broken('NOT_A_RECORD');
    if (r.seq !== i + 1) return broken('BAD_SEQ');
    if (i === 0 ? r.prevHash !== null : r.prevHash !== prevHash) return broken(i === 0 ? 'BAD_GENESIS' : 'PREV_HASH_MISMATCH');
    let expected;
    try {
      expected = hashRecord(r.body, r.prevHash);
    } catch {
      return broken('NOT_CANONICAL');
    }
    if (r.hash !== expected) return broken('HASH_MISMATCH');
    if (r.body && typeof r.body === 'object') {
      if ('seq' in r.body && r.body.seq !== r.seq) return broken('COLUMN_MISMATCH:seq');
      if ('supersedesId' in r.body && 'supersedesId' in r && (r.body.supersedesId ?? null) !== (r.supersedesId ?? null)) return broken('COLUMN_MISMATCH:supersedesId');
    }
    prevHash = r.hash;
  }
  return { valid: true, length: records.length, brokenAt: null, reason: null, head: prevHash };
}

/**
 * The check of a practice package, exactly as libs/domain verifyPractice (delivery/practice.ts)
 * runs it when Yoriai imports one (a test holds the two to the same answers).
 */
export function verifyPractice(pkg) {
  const fail = (reason) => ({ verified: false, reason });
  const { record, proposal, chain } = pkg;
  let recomputed;
  let proposalHash;
  try {
    recomputed = hashRecord(record.body, record.prevHash);
    proposalHash = sha256Hex(canonicalJson({ title: proposal.title, body: proposal.body, kpis: proposal.kpis }));
  } catch {
    return fail('NOT_CANONICAL');
  }
  if (recomputed !== record.hash) return fail('RECORD_HASH_MISMATCH');
  if (record.body.proposalId !== proposal.id) return fail('PROPOSAL_MISMATCH');
  if (record.body.proposalHash !== proposalHash) return fail('CONTENT_HASH_MISMATCH');
  if (record.body.outcome !== 'ADOPTED') return fail('NOT_ADOPTED');
  const first = chain.links[0];
  if (!first || first.seq !== record.seq || first.hash !== record.hash || first.prevHash !== record.prevHash) return fail('CHAIN_BROKEN');
  for (let i = 1; i < chain.links.length; i += 1) {
    if (chain.links[i].seq !== chain.links[i - 1].seq + 1 || chain.links[i].prevHash !== chain.links[i - 1].hash) return fail('CHAIN_BROKEN');
  }
  if (chain.links[chain.links.length - 1].hash !== chain.headHash) return fail('HEAD_MISMATCH');
  return { verified: true, reason: null };
}

function main(argv) {
  const file = argv[2];
  if (!file || argv.includes('--help') || argv.includes('-h')) {
    console.error('usage: node tools/verify-records.mjs <records.json | minutes.json>');
    return 2;
  }
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    console.error(`cannot read ${file}: ${e.message}`);
    return 2;
  }

  // Final minutes: the stored content hash must recompute from the document.
  if (data && typeof data === 'object' && !Array.isArray(data) && data.document && 'contentHash' in data) {
    if (!data.contentHash) {
      console.log(`DRAFT: ${file} is a draft; only final minutes carry a content hash.`);
      return 1;
    }
    let actual;
    try {
      actual = sha256Hex(canonicalJson(data.document));
    } catch (e) {
      console.log(`BROKEN: the document is not canonical JSON (${e.message})`);
      return 1;
    }
    if (actual !== data.contentHash) {
      console.log(`BROKEN: content hash mismatch: file says ${data.contentHash}, document hashes to ${actual}`);
      return 1;
    }
    console.log(`OK: final minutes, content hash ${actual}`);
    return 0;
  }

  if (data && typeof data === 'object' && data.format === 'yoriai.practice/1') {
    let result;
    try {
      result = verifyPractice(data);
    } catch (e) {
      console.log(`BROKEN: not a complete practice package (${e.message})`);
      return 1;
    }
    if (!result.verified) {
      console.log(`BROKEN: ${result.reason}`);
      return 1;
    }
    console.log(`OK: practice package, record seq ${data.record.seq} hash ${data.record.hash} decided this proposal and leads to head ${data.chain.headHash}` +
      ' (compare the head with the source process\'s records.json)');
    return 0;
  }

  const records = Array.isArray(data) ? data : data?.records;
  if (!Array.isArray(records)) {
    console.error(`${file} is not a Yoriai records export (no "records" array)`);
    return 2;
  }
  if (!Array.isArray(data) && typeof data.length === 'number' && data.length !== records.length) {
    console.log(`BROKEN: the export says ${data.length} records but holds ${records.length}`);
    return 1;
  }
  const result = verifyRecords(records);
  if (!result.valid) {
    console.log(`BROKEN at seq ${result.brokenAt}: ${result.reason}${result.id ? ` (record ${result.id})` : ''}; ${result.brokenAt - 1} of ${result.length} records verified before it`);
    return 1;
  }
  console.log(`OK: ${result.length} record${result.length === 1 ? '' : 's'} verified${result.head ? `, head hash ${result.head}` : ' (empty chain)'}`);
  return 0;
}

// Run as a program (not when imported for its functions).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv);
}
