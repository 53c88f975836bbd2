import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { TokenService } from './token.service';

@Global()
@Module({ providers: [TokenService, AccessService], exports: [TokenService, AccessService] })
export class AuthModule {}
