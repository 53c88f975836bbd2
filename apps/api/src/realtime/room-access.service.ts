import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoomKind } from '@yoriai/realtime-contract';
import { DataSource } from 'typeorm';
import { AccessService } from '../common/auth/access.service';
import type { Viewer } from '../common/auth/viewer';
import { Errors } from '../common/errors/domain-error';
import { MeetingEntity } from '../modules/meeting/meeting.entity';
import { ProposalEntity } from '../modules/proposal/proposal.entity';
import { maySeeProposal } from '../modules/proposal/proposal-query.service';

const WHAT: Record<RoomKind, { ja: string; en: string }> = {
  process: { ja: '協議プロセス', en: 'The process' },
  meeting: { ja: '会議', en: 'The meeting' },
  proposal: { ja: '提案', en: 'The proposal' },
};

/**
 * Who may follow a room: whoever may read its process ('process.read': every member, observers
 * included). A meeting or proposal room belongs to the process of its meeting or proposal; a draft
 * proposal's room only to those who may see the draft. Non-members get NOT_FOUND (existence is not
 * revealed), a guest of another process FORBIDDEN — the same answers as GraphQL.
 */
@Injectable()
export class RoomAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async authorize(viewer: Viewer, room: { kind: RoomKind; id: string }): Promise<void> {
    const em = this.dataSource.manager;
    switch (room.kind) {
      case 'process':
        await this.access.require(viewer, room.id, 'process.read', em);
        return;
      case 'meeting': {
        const meeting = await em.findOne(MeetingEntity, { where: { id: room.id }, select: { id: true, processId: true } });
        if (!meeting) throw Errors.notFound(WHAT.meeting);
        await this.access.require(viewer, meeting.processId, 'process.read', em);
        return;
      }
      case 'proposal': {
        const proposal = await em.findOne(ProposalEntity, { where: { id: room.id }, select: { id: true, processId: true, status: true, authorId: true } });
        if (!proposal) throw Errors.notFound(WHAT.proposal);
        const { membership } = await this.access.require(viewer, proposal.processId, 'process.read', em);
        if (!maySeeProposal(proposal, membership)) throw Errors.notFound(WHAT.proposal);
        return;
      }
    }
  }
}
