import { Module } from '@nestjs/common';
import { ParticipantModule } from '../participant/participant.module';
import { MembershipResolver, ProcessResolver } from './process.resolver';
import { ProcessService } from './process.service';

@Module({ imports: [ParticipantModule], providers: [ProcessService, ProcessResolver, MembershipResolver], exports: [ProcessService] })
export class ProcessModule {}
