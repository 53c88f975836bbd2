import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contentHash, PRACTICE_FORMAT, verifyPractice, type PracticeKpiText } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { PillarEntity } from '../process/pillar.entity';
import { ProcessEntity } from '../process/process.entity';
import { normalizeKpis } from '../proposal/proposal-content';
import { ProposalVersionEntity } from '../proposal/proposal-version.entity';
import { ProposalEntity, type ProposalProvenance } from '../proposal/proposal.entity';
import { ConsensusRecordEntity } from '../record/consensus-record.entity';
import type { ImportPracticeArgs } from './dto/delivery.input';
import { parsePracticePackage, type PracticePackage } from './practice-package';
import { loadProgress } from './progress-report';

const RECORD = { ja: '合意記録', en: 'The consensus record' };

/** 横展開: a decided proposal out as an open-data package; a package in as a DRAFT template with its provenance. */
@Injectable()
export class PracticeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The package of one ADOPTED record, read in one snapshot. Organisers and the secretariat curate what leaves the process. */
  async exportPackage(viewer: Viewer, recordId: string): Promise<PracticePackage> {
    if (!isUUID(recordId)) throw Errors.notFound(RECORD);
    const record = await this.dataSource.manager.findOne(ConsensusRecordEntity, { where: { id: recordId } });
    if (!record) throw Errors.notFound(RECORD);
    await this.access.require(viewer, record.processId, 'practice.export');
    if (record.outcome !== 'ADOPTED') throw conflict('RECORD_NOT_ADOPTED', '採択された決定だけを横展開できます。', 'Only an adopted decision can be shared.', { outcome: record.outcome });
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      const process = await em.findOneOrFail(ProcessEntity, { where: { id: record.processId } });
      const proposal = await em.findOneOrFail(ProposalEntity, { where: { id: record.proposalId } });
      const version = await em.findOneOrFail(ProposalVersionEntity, { where: { proposalId: proposal.id, version: record.proposalVersion } });
      const pillar = await em.findOne(PillarEntity, { where: { id: proposal.pillarId } });
      const links = await em.query<{ seq: number; prevHash: string | null; hash: string }[]>(
        'SELECT seq, prev_hash AS "prevHash", hash FROM consensus_record WHERE process_id = $1 AND seq >= $2 ORDER BY seq',
        [record.processId, record.seq],
      );
      const progress = await loadProgress(em, record.processId, { proposalIds: [proposal.id] });
      const decision = progress?.pillars.flatMap((p) => p.decisions).find((d) => d.proposalId === proposal.id);
      const head = links[links.length - 1] as { hash: string };
      return {
        format: PRACTICE_FORMAT,
        exportedAt: new Date().toISOString(),
        algorithm: {
          recordHash: 'lowercase_hex(SHA-256(UTF-8(canonicalJson({"body": record.body, "prevHash": record.prevHash}))))',
          contentHash: 'lowercase_hex(SHA-256(UTF-8(canonicalJson({"body": proposal.body, "kpis": proposal.kpis, "title": proposal.title}))))',
          canonicalJson: 'keys sorted by UTF-16 code units, no whitespace, strings and numbers as JSON.stringify (docs/consensus-records.md)',
        },
        source: { processId: process.id, processTitle: process.title, region: process.region, pillar: pillar ? { position: pillar.position, title: pillar.title } : null },
        proposal: { id: proposal.id, version: version.version, title: version.title, body: version.body, kpis: version.kpis as PracticeKpiText[], contentHash: version.contentHash },
        record: { id: record.id, seq: record.seq, prevHash: record.prevHash, hash: record.hash, decidedAt: record.decidedAt.toISOString(), body: record.body },
        chain: { length: head ? links[links.length - 1]!.seq : record.seq, headHash: head.hash, links },
        // A corrected record's proposal may no longer count as decided: then there is no progress to share.
        progress: { kpis: decision?.kpis ?? [], roadmap: decision?.roadmap ?? [] },
      };
    });
  }

  /**
   * A DRAFT template proposal made from a package, with its provenance. The package is parsed
   * strictly first (typed errors, nothing written); its proof is then checked as the offline
   * verifier does. A package whose proof fails is still imported — as a template marked
   * `verified: false` with the reason — because the text may still be worth reusing, and the
   * mark travels with it everywhere the template is shown.
   */
  async importPackage(viewer: Viewer, args: ImportPracticeArgs): Promise<ProposalEntity> {
    const pkg = parsePracticePackage(args.package);
    const kpis = normalizeKpis(pkg.proposal.kpis.map((k) => ({ ...k, unit: k.unit ?? null })));
    const check = verifyPractice(pkg);
    return this.tx.run(async (em, emit) => {
      await this.access.require(viewer, args.processId, 'practice.import', em);
      const pillars = await em.find(PillarEntity, { where: { processId: args.processId }, order: { position: 'ASC' } });
      const pillar = args.pillarId ? pillars.find((p) => p.id === args.pillarId) : (pillars.find((p) => p.position === pkg.source.pillar?.position) ?? pillars[0]);
      if (!pillar) throw badInput('PILLAR_NOT_IN_PROCESS', '指定された柱はこの協議プロセスにありません。', 'The pillar does not belong to this process.');
      const provenance: ProposalProvenance = {
        sourceProcess: pkg.source.processId,
        sourceProcessTitle: pkg.source.processTitle,
        region: pkg.source.region,
        recordId: pkg.record.id,
        recordHash: pkg.record.hash,
        headHash: pkg.chain.headHash,
        verified: check.verified,
        verifyReason: check.reason,
        importedAt: new Date().toISOString(),
      };
      const content = { title: pkg.proposal.title.trim(), body: pkg.proposal.body, kpis };
      const proposal = await em.save(
        em.create(ProposalEntity, { processId: args.processId, pillarId: pillar.id, authorId: viewer.participantId, ...content, status: 'DRAFT', version: 1, clientRequestId: null, revisesRecordId: null, provenance }),
      );
      const hash = contentHash(content);
      const note = `横展開: ${pkg.source.region ?? pkg.source.processTitle} / record ${pkg.record.hash.slice(0, 12)}`;
      await em.insert(ProposalVersionEntity, { proposalId: proposal.id, version: 1, ...content, contentHash: hash, authorId: viewer.participantId, note: note.slice(0, 500) });
      await this.audit.record(em, { processId: args.processId, actorId: viewer.participantId, action: 'practice.import', targetType: 'proposal', targetId: proposal.id, data: { ...provenance, contentHash: hash } });
      emit({ type: 'proposal.created', processId: args.processId, proposalId: proposal.id });
      return proposal;
    });
  }
}
