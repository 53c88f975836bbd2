import { dirname, join } from 'node:path';
import type { Morpheme, Tokenize } from '@yoriai/domain';

// kuromoji (the @sglkc fork, IPADIC inside the npm package: offline, no external service) reads its
// dictionary from disk asynchronously; it is loaded once per process (~0.5 s) and shared.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kuromoji = require('@sglkc/kuromoji') as {
  builder(o: { dicPath: string }): { build(cb: (err: Error | null, t: { tokenize(text: string): KuromojiToken[] }) => void): void };
};

interface KuromojiToken {
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  basic_form: string;
}

let loading: Promise<Tokenize> | null = null;

/** The process-wide Japanese tokeniser (IPADIC morphemes). */
export function japaneseTokenizer(): Promise<Tokenize> {
  loading ??= new Promise<Tokenize>((resolve, reject) => {
    const dicPath = join(dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) {
        loading = null;
        reject(err);
        return;
      }
      resolve((text: string): Morpheme[] =>
        tokenizer.tokenize(text).map((t) => ({ surface: t.surface_form, pos: t.pos, posDetail1: t.pos_detail_1, basicForm: t.basic_form })),
      );
    });
  });
  return loading;
}
