import { Module } from '@nestjs/common';
import { InvitationResolver, ProcessInvitationsResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';

/** Invitations into a process by e-mail, accepted by the invited person (finding 9). */
@Module({ providers: [InvitationService, InvitationResolver, ProcessInvitationsResolver] })
export class InvitationModule {}
