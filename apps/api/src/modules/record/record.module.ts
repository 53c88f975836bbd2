import { Module } from '@nestjs/common';
import { ActionItemService } from './action-item.service';
import { RecordChainService } from './record-chain.service';
import { ProcessRecordsResolver, RecordResolver } from './record.resolver';
import { RecordService } from './record.service';

/** Consensus records (hash chain), the dissent register and action items. Records are appended by VotingModule (closeVoting) and by corrections. */
@Module({
  providers: [RecordChainService, RecordService, ActionItemService, RecordResolver, ProcessRecordsResolver],
  exports: [RecordChainService, RecordService],
})
export class RecordModule {}
