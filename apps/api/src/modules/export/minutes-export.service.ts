import { Injectable } from '@nestjs/common';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { MinutesForExport } from '../minutes/minutes.service';
import type { Lang } from './export-labels';
import { renderMinutesMarkdown } from './markdown.renderer';
import type { RenderContext } from './minutes-outline';
import { RenderPool } from './render-pool';

export type MinutesFormat = 'md' | 'docx' | 'pdf' | 'json';

/** minutes.json: the document as open data, with what is needed to check a final one's hash. */
export interface MinutesJsonExport {
  format: 'yoriai.minutes-export/1';
  status: MinutesDocument['status'];
  /** Final minutes only: sha256(canonicalJson(document)), lowercase hex. */
  contentHash: string | null;
  hashAlgorithm: string;
  exportedAt: string;
  document: MinutesDocument;
}

/**
 * Renders one MinutesDocument into each file format; every format comes from the same document.
 * Markdown and JSON are quick string work; DOCX and PDF layout runs in the render worker.
 */
@Injectable()
export class MinutesExportService {
  constructor(private readonly pool: RenderPool) {}

  async render(found: MinutesForExport, format: MinutesFormat, lang: Lang): Promise<Buffer> {
    const ctx: RenderContext = { lang, contentHash: found.contentHash, exportedAt: new Date() };
    switch (format) {
      case 'md':
        return Buffer.from(renderMinutesMarkdown(found.document, ctx), 'utf8');
      case 'docx':
      case 'pdf':
        return this.pool.render(format, found.document, ctx);
      case 'json': {
        // The document is bilingual ({ ja, en } labels), so lang does not change it: one document, one hash.
        const out: MinutesJsonExport = {
          format: 'yoriai.minutes-export/1',
          status: found.document.status,
          contentHash: found.contentHash,
          hashAlgorithm: 'contentHash = lowercase_hex(sha256(utf8(canonicalJson(document)))) — the canonical JSON of records.json; check with: node tools/verify-records.mjs minutes.json',
          exportedAt: ctx.exportedAt.toISOString(),
          document: found.document,
        };
        return Buffer.from(JSON.stringify(out, null, 2) + '\n', 'utf8');
      }
    }
  }
}
