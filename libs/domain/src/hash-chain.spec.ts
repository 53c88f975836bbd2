import fc from 'fast-check';
import {
  buildChain,
  contentHash,
  hashRecord,
  nextChainEntry,
  sha256Hex,
  verifyChain,
  type ChainEntry,
} from './hash-chain';

const records = [
  { proposal: '地域交通の再編 🚌', outcome: 'ADOPTED', tally: { agree: 12, disagree: 2 } },
  { proposal: '空き家バンク', outcome: 'REJECTED', dissent: ['労: 人手が足りない'] },
  { proposal: 'ドローン配送の実証', outcome: 'ADOPTED', kpis: [{ indicator: '配送件数', target: 500 }] },
  { proposal: '若者・女性の起業支援', outcome: 'NO_QUORUM' },
];

/** Changes one character of the JSON text of an entry's body, keeping it valid JSON. */
function tamper(entry: ChainEntry): ChainEntry {
  const text = JSON.stringify(entry.body);
  const changed = text.includes('の') ? text.replace('の', 'が') : text.replace('D"', 'X"');
  expect(changed).not.toBe(text);
  return { ...entry, body: JSON.parse(changed) };
}

describe('sha256Hex / hashRecord / contentHash', () => {
  it('hashes UTF-8 text to lowercase hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches a vector computed independently (Python hashlib over the documented bytes)', () => {
    const body = { seq: 1, title: '地域交通の再編 🚌', votes: [3, 1, 0] };
    expect(hashRecord(body, null)).toBe('097bad7f39e0e9f70f4d9c38d74470e7f472a0615c2a14f33829db99b3f27f81');
    expect(hashRecord(body, null)).toBe(
      sha256Hex('{"body":{"seq":1,"title":"地域交通の再編 🚌","votes":[3,1,0]},"prevHash":null}'),
    );
    expect(contentHash({ title: 't', body: 'x', kpis: [] })).toBe(
      'dd6ae214f1b73020588584cd86aaa22d1e603b8f4b20d2221ed205285625fadd',
    );
  });

  it('changes the content hash when any part of a version changes', () => {
    const v = { title: '空き家バンク', body: '# 概要\n空き家を活用する', kpis: [{ indicator: '成約数', target: 20 }] };
    const h = contentHash(v);
    expect(contentHash({ ...v, title: '空き家バンク ' })).not.toBe(h);
    expect(contentHash({ ...v, body: v.body.replace('\n', '\r\n') })).not.toBe(h);
    expect(contentHash({ ...v, kpis: [{ indicator: '成約数', target: 21 }] })).not.toBe(h);
    expect(contentHash({ kpis: v.kpis, body: v.body, title: v.title })).toBe(h);
  });
});

describe('verifyChain', () => {
  const chain = buildChain(records);

  it('accepts a well-formed chain and an empty one', () => {
    expect(verifyChain(chain)).toEqual({ valid: true, length: 4, brokenAt: null });
    expect(verifyChain([])).toEqual({ valid: true, length: 0, brokenAt: null });
    expect(chain[0]?.prevHash).toBeNull();
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
  });

  it.each([1, 2, 3, 4])('detects a one-character change in entry %i', (seq) => {
    const tampered = chain.map((e) => (e.seq === seq ? tamper(e) : e));
    expect(verifyChain(tampered)).toEqual({ valid: false, length: 4, brokenAt: seq, reason: 'HASH_MISMATCH' });
  });

  it('detects a recomputed hash by the next entry', () => {
    const forged = nextChainEntry(null, tamper(chain[0] as ChainEntry).body);
    const result = verifyChain([forged, ...chain.slice(1)]);
    expect(result).toMatchObject({ valid: false, brokenAt: 2, reason: 'PREV_HASH_MISMATCH' });
  });

  it('detects reordering, gaps and a bad first entry', () => {
    const [a, b, c, d] = chain as [ChainEntry, ChainEntry, ChainEntry, ChainEntry];
    expect(verifyChain([a, c, b, d])).toMatchObject({ valid: false, brokenAt: 2, reason: 'BAD_SEQ' });
    expect(verifyChain([a, b, d])).toMatchObject({ valid: false, brokenAt: 3, reason: 'BAD_SEQ' });
    expect(verifyChain([a, { ...c, seq: 2 }, { ...b, seq: 3 }, d])).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: 'PREV_HASH_MISMATCH',
    });
    expect(verifyChain([{ ...a, prevHash: '0'.repeat(64) }, b])).toMatchObject({ brokenAt: 1, reason: 'BAD_GENESIS' });
    expect(verifyChain([b])).toMatchObject({ brokenAt: 1, reason: 'BAD_SEQ' });
  });

  it('reports a body that cannot be hashed instead of throwing', () => {
    const bad = { ...(chain[0] as ChainEntry), body: { at: new Date(0) } };
    expect(verifyChain([bad])).toMatchObject({ valid: false, brokenAt: 1, reason: 'NOT_CANONICAL' });
  });

  const arbBody = fc.record({ title: fc.string({ minLength: 1 }), n: fc.integer(), tags: fc.array(fc.string()) });

  it('verifies any chain built with hashRecord (property)', () => {
    fc.assert(
      fc.property(fc.array(arbBody, { maxLength: 12 }), (bodies) => {
        let prevHash: string | null = null;
        const entries: ChainEntry[] = bodies.map((body, i) => {
          const hash = hashRecord(body, prevHash);
          const entry: ChainEntry = { seq: i + 1, prevHash, hash, body };
          prevHash = hash;
          return entry;
        });
        expect(verifyChain(entries)).toEqual({ valid: true, length: bodies.length, brokenAt: null });
      }),
    );
  });

  it('breaks exactly at the entry whose title lost or changed one character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbBody, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (bodies, whichEntry, whichChar) => {
          const entries = buildChain(bodies);
          const k = whichEntry % entries.length;
          const target = entries[k] as ChainEntry & { body: { title: string } };
          const title = target.body.title;
          const at = whichChar % title.length;
          const swapped = title.charAt(at) === 'x' ? 'y' : 'x';
          const changed = {
            ...target,
            body: { ...target.body, title: title.slice(0, at) + swapped + title.slice(at + 1) },
          };
          const result = verifyChain(entries.map((e, i) => (i === k ? changed : e)));
          expect(result).toMatchObject({ valid: false, brokenAt: k + 1, reason: 'HASH_MISMATCH' });
        },
      ),
    );
  });
});
