import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Request, Response } from 'express';
import { TokenService } from '../../common/auth/token.service';
import type { Viewer } from '../../common/auth/viewer';
import { Errors } from '../../common/errors/domain-error';
import { contentDisposition, safeFileName } from '../export/content-disposition';
import { exportLanguage } from '../export/export-language';
import { DeliveryService } from './delivery.service';
import { PracticeService } from './practice.service';
import { progressCsv } from './progress-csv';

const PROCESS = { ja: '協議プロセス', en: 'The process' };

/**
 * Delivery files (CONTRACT.md § Delivery): progress.json/csv (members; everyone when the organiser
 * has switched the public page on — then without caching per person) and practice.json/csv
 * (organisers and the secretariat). Errors are the typed JSON of the global filter.
 */
@Controller('api')
export class DeliveryController {
  constructor(
    private readonly tokens: TokenService,
    private readonly delivery: DeliveryService,
    private readonly practice: PracticeService,
  ) {}

  @Get('processes/:id/progress.json')
  async progressJson(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const report = await this.delivery.progressFor(await this.optionalViewer(req), this.processId(id));
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8'));
  }

  @Get('processes/:id/progress.csv')
  async progressCsv(@Param('id') id: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = exportLanguage(lang);
    const report = await this.delivery.progressFor(await this.optionalViewer(req), this.processId(id));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition(`${safeFileName(report.process.title, 'process')}_${language === 'ja' ? '進捗' : 'progress'}.csv`, `progress-${report.process.id.slice(0, 8)}.csv`));
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(progressCsv(report, language), 'utf8'));
  }

  @Get('records/:id/practice.:format')
  async practicePackage(@Param('id') id: string, @Param('format') format: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (format !== 'json' && format !== 'csv') {
      throw Errors.notFound({ ja: '横展開パッケージの形式（json・csv）', en: 'The practice package format (json or csv)' });
    }
    const language = exportLanguage(lang);
    const pkg = await this.practice.exportPackage(await this.viewer(req), id);
    const name = `${safeFileName(pkg.proposal.title, 'practice')}_${language === 'ja' ? '横展開' : 'practice'}.${format}`;
    res.setHeader('Content-Disposition', contentDisposition(name, `practice-${pkg.record.id.slice(0, 8)}.${format}`));
    res.setHeader('Cache-Control', 'private, no-store');
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      const title = pkg.source.pillar?.title ?? '';
      const decision = { proposalId: pkg.proposal.id, title: pkg.proposal.title, recordId: pkg.record.id, seq: pkg.record.seq, hash: pkg.record.hash, decidedAt: pkg.record.decidedAt, revisesRecordId: null, ...pkg.progress };
      res.send(Buffer.from(progressCsv({ pillars: [{ id: '', position: 0, title, titleEn: null, decisions: [decision] }] }, language), 'utf8'));
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(Buffer.from(JSON.stringify(pkg, null, 2) + '\n', 'utf8'));
  }

  private processId(id: string): string {
    if (!isUUID(id)) throw Errors.notFound(PROCESS);
    return id;
  }

  /** Anonymous callers are allowed here (the public page); a bad or expired token is still refused. */
  private async optionalViewer(req: Request): Promise<Viewer | null> {
    const { viewer, error } = await this.tokens.fromRequest(req);
    if (error) throw error;
    return viewer;
  }

  private async viewer(req: Request): Promise<Viewer> {
    const viewer = await this.optionalViewer(req);
    if (!viewer) throw Errors.signInRequired();
    return viewer;
  }
}
