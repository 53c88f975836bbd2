import { newRequestId, pendingRequest, requestAnswered, unansweredContent } from './ids';

/** A tab's sessionStorage: survives a reload of the page (a new module state), not the tab. */
class TabStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('clientRequestId of the vote and comment forms (attack finding 8)', () => {
  let tab: TabStorage;
  beforeEach(() => {
    tab = new TabStorage();
    Object.defineProperty(globalThis, 'sessionStorage', { value: tab, configurable: true, writable: true });
  });

  it('makes RFC 4122 version-4 ids, all different', () => {
    const ids = Array.from({ length: 1000 }, newRequestId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends the same id again after a lost answer — also after a reload — so nothing is posted twice', async () => {
    const comment = { proposalId: 'p1', body: '駅前の駐輪場を増やしてほしい🚲' };
    const first = pendingRequest('comment:p1', comment);
    // The answer was lost; the page reloads (fresh module state, same tab storage) and the form restores the text.
    jest.resetModules();
    const reloaded = await import('./ids');
    expect(reloaded.unansweredContent('comment:p1')).toEqual(comment);
    expect(reloaded.pendingRequest('comment:p1', comment)).toBe(first);
  });

  it('makes a new id when the content changes, so a changed mind is never answered with the old choice', () => {
    const agree = pendingRequest('vote:p1', { choice: 'AGREE' });
    const block = pendingRequest('vote:p1', { choice: 'BLOCK' });
    expect(block).not.toBe(agree);
    // Back to AGREE after BLOCK was sent is another request again, not the first one.
    expect(pendingRequest('vote:p1', { choice: 'AGREE' })).not.toBe(agree);
  });

  it('forgets the id once answered: the next request is new; scopes do not share ids', () => {
    const a = pendingRequest('vote:p1', { choice: 'AGREE' });
    expect(pendingRequest('vote:p2', { choice: 'AGREE' })).not.toBe(a);
    requestAnswered('vote:p1');
    expect(unansweredContent('vote:p1')).toBeNull();
    expect(pendingRequest('vote:p1', { choice: 'AGREE' })).not.toBe(a);
  });

  it('still answers a valid id when storage is unavailable (private mode, quota)', () => {
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(pendingRequest('vote:p1', { choice: 'AGREE' })).toMatch(/^[0-9a-f-]{36}$/);
    expect(unansweredContent('vote:p1')).toBeNull();
    expect(() => requestAnswered('vote:p1')).not.toThrow();
  });
});
