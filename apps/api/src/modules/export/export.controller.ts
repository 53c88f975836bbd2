import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TokenService } from '../../common/auth/token.service';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, Errors, notFound } from '../../common/errors/domain-error';
import { MinutesService } from '../minutes/minutes.service';
import { contentDisposition, safeFileName } from './content-disposition';
import { L } from './export-labels';
import { exportLanguage } from './export-language';
import { MinutesExportService, type MinutesFormat } from './minutes-export.service';
import { ProcessExportService } from './process-export.service';

const CONTENT_TYPES: Record<MinutesFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

function isFormat(x: string): x is MinutesFormat {
  return x in CONTENT_TYPES;
}

/**
 * File exports (CONTRACT.md § HTTP). Same authentication as GraphQL (bearer header or session
 * cookie); any member may download ('export.download', observers included); non-members get 404
 * and anonymous callers 401, as typed JSON errors from the global filter.
 */
@Controller('api')
export class ExportController {
  constructor(
    private readonly tokens: TokenService,
    private readonly minutes: MinutesService,
    private readonly minutesExport: MinutesExportService,
    private readonly processExport: ProcessExportService,
  ) {}

  @Get('meetings/:id/minutes.:format')
  async meetingMinutes(@Param('id') id: string, @Param('format') format: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewer(req);
    if (!isFormat(format)) {
      throw notFound('EXPORT_FORMAT_UNKNOWN', '議事録の形式は md・docx・pdf・json のいずれかです。', 'Minutes are available as md, docx, pdf or json.', { format });
    }
    const language = exportLanguage(lang);
    const found = await this.minutes.forExport(viewer, id);
    const file = await this.minutesExport.render(found, format, language);
    const draft = found.document.status !== 'FINAL';
    const name = `${safeFileName(found.meeting.title, 'meeting')}_${L.filenameMinutes[language]}${draft ? L.filenameDraft[language] : ''}.${format}`;
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', contentDisposition(name, `minutes-${found.meeting.id.slice(0, 8)}${draft ? '-draft' : ''}.${format}`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Minutes-Status', found.document.status);
    if (found.contentHash) res.setHeader('X-Minutes-Content-Hash', found.contentHash);
    res.send(file);
  }

  @Get('processes/:id/votes.csv')
  async votes(@Param('id') id: string, @Query('lang') lang: unknown, @Query('history') history: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewer(req);
    const language = exportLanguage(lang);
    if (history !== undefined && history !== '0' && history !== '1') {
      throw badInput('EXPORT_OPTION_INVALID', 'history には 0 か 1 を指定してください。', 'history must be 0 or 1.', { history: String(history) });
    }
    const { process, csv } = await this.processExport.votesCsv(viewer, id, language, history === '1');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(`${safeFileName(process.title, 'process')}_${language === 'ja' ? '投票' : 'votes'}.csv`, `votes-${process.id.slice(0, 8)}.csv`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(Buffer.from(csv, 'utf8'));
  }

  @Get('processes/:id/records.json')
  async records(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewer(req);
    const data = await this.processExport.recordsJson(viewer, id);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(`${safeFileName(data.process.title, 'process')}_records.json`, `records-${data.process.id.slice(0, 8)}.json`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'));
  }

  private async viewer(req: Request): Promise<Viewer> {
    const { viewer, error } = await this.tokens.fromRequest(req);
    if (error) throw error;
    if (!viewer) throw Errors.signInRequired();
    return viewer;
  }
}
