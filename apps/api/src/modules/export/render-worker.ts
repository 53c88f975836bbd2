import { parentPort } from 'node:worker_threads';
import type { MinutesDocument } from '../minutes/minutes-document';
import { renderMinutesDocx } from './docx.renderer';
import type { RenderContext } from './minutes-outline';
import { renderMinutesPdf } from './pdf.renderer';

export interface RenderRequest {
  id: number;
  format: 'docx' | 'pdf';
  document: MinutesDocument;
  ctx: RenderContext;
}

export type RenderReply = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; message: string };

/**
 * The worker thread that lays out DOCX and PDF files. Layout is synchronous CPU work (seconds for
 * a 400-page PDF), so it runs here and the API's event loop keeps serving votes meanwhile.
 */
parentPort?.on('message', (request: RenderRequest) => {
  const render = request.format === 'pdf' ? renderMinutesPdf : renderMinutesDocx;
  render(request.document, request.ctx).then(
    (buffer) => {
      const data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const reply: RenderReply = { id: request.id, ok: true, data };
      // Transfer, not copy, when the buffer owns its memory (pooled small buffers are copied).
      parentPort?.postMessage(reply, buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? [buffer.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => parentPort?.postMessage({ id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies RenderReply),
  );
});
