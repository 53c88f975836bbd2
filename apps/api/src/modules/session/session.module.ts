import { Module } from '@nestjs/common';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';

/** Server-side sessions: sign out (here or everywhere), the list of one's sessions. */
@Module({ providers: [SessionService, SessionResolver], exports: [SessionService] })
export class SessionModule {}
