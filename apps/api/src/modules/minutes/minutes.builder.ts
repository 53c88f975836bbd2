import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson, sha256Hex } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AnalyticsService } from '../analytics/analytics.service';
import { assembleMinutes, type AssembleOptions } from './minutes-assembler';
import type { MinutesDocument } from './minutes-document';
import { loadMinutesSource } from './minutes-source';
import { minutesProgress } from '../delivery/minutes-progress';
import { minutesThemes } from './minutes-themes';
import { ThemeEngine } from '../theme/theme.engine';

/** contentHash of a minutes document: sha256(canonicalJson(document)), lowercase hex. */
export function minutesContentHash(document: MinutesDocument | Record<string, unknown>): string {
  return sha256Hex(canonicalJson(document));
}

/**
 * Builds the MinutesDocument of a meeting from the database: a fixed number of read queries
 * (one per table) and a pure assembly step. Exports call it for drafts; finalisation calls it
 * once inside its own transaction and freezes the result.
 */
@Injectable()
export class MinutesBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analytics: AnalyticsService,
    private readonly themes: ThemeEngine,
  ) {}

  /**
   * The document, or null when the meeting does not exist. Without `em` it reads one consistent
   * snapshot (a read-only REPEATABLE READ transaction), so a vote closing mid-export cannot give
   * minutes whose tally and records disagree.
   */
  async build(meetingId: string, options: Partial<AssembleOptions> = {}, em?: EntityManager): Promise<MinutesDocument | null> {
    const run = async (m: EntityManager) => {
      const source = await loadMinutesSource(m, meetingId, options.finalizedById ? [options.finalizedById] : []);
      if (!source) return null;
      // Read in the same snapshot, so the missing voices agree with the votes in the document.
      const missingVoices = await this.analytics.meetingMissingVoices(meetingId, m);
      const progress = await minutesProgress(m, source.process.id, source.meeting.endedAt);
      const themes = await minutesThemes(this.themes, meetingId, m);
      const doc = assembleMinutes(
        source,
        {
          status: options.status ?? 'DRAFT',
          generatedAt: options.generatedAt ?? new Date(),
          finalizedAt: options.finalizedAt ?? null,
          finalizedById: options.finalizedById ?? null,
        },
        { missingVoices },
      );
      return progress ? { ...doc, themes, progress } : { ...doc, themes };
    };
    if (em) return run(em);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return run(m);
    });
  }
}
