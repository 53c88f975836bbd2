import { Module } from '@nestjs/common';
import { ParticipantResolver } from './participant.resolver';
import { ParticipantService } from './participant.service';

@Module({ providers: [ParticipantService, ParticipantResolver], exports: [ParticipantService] })
export class ParticipantModule {}
