import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, Errors, unauthenticated } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import type { SignUpInput } from './dto/sign-up.input';
import type { UpdateProfileInput } from './dto/update-profile.input';
import { ParticipantEntity } from './participant.entity';

// OWASP's argon2id baseline (19 MiB, t=2, p=1): safe and fast enough for a hall signing in at once.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class ParticipantService {
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async signUp(input: SignUpInput): Promise<ParticipantEntity> {
    const email = input.email.trim();
    const passwordHash = await argon2.hash(input.password, ARGON2_OPTIONS);
    return this.tx.run(async (em) => {
      const existing = await em.findOne(ParticipantEntity, { where: { emailLower: email.toLowerCase() } });
      if (existing) throw conflict('EMAIL_TAKEN', 'このメールアドレスは既に登録されています。', 'This email address is already registered.');
      const saved = await em.save(
        em.create(ParticipantEntity, {
          kind: 'ACCOUNT',
          email,
          emailLower: email.toLowerCase(),
          passwordHash,
          displayName: input.displayName.trim(),
          organization: input.organization?.trim() || null,
          locale: input.locale ?? 'ja',
        }),
      );
      await this.audit.record(em, { actorId: saved.id, action: 'participant.signUp', targetType: 'participant', targetId: saved.id });
      return saved;
    });
  }

  async signIn(email: string, password: string): Promise<ParticipantEntity> {
    const found = await this.dataSource
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.emailLower = :email', { email: email.trim().toLowerCase() })
      .getOne();
    // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
    this.dummyHash ??= argon2.hash('not-a-real-password', ARGON2_OPTIONS);
    const hash = found?.passwordHash ?? (await this.dummyHash);
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!found || !ok) {
      throw unauthenticated('BAD_CREDENTIALS', 'メールアドレスまたはパスワードが正しくありません。', 'Wrong email address or password.');
    }
    return found;
  }

  async byId(id: string): Promise<ParticipantEntity | null> {
    return this.dataSource.getRepository(ParticipantEntity).findOne({ where: { id } });
  }

  async updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<ParticipantEntity> {
    return this.tx.run(async (em) => {
      const p = await em.findOne(ParticipantEntity, { where: { id: viewer.participantId } });
      if (!p) throw Errors.signInRequired();
      if (input.displayName !== undefined && input.displayName !== null) p.displayName = input.displayName.trim();
      if (input.organization !== undefined) p.organization = input.organization?.trim() || null;
      if (input.locale) p.locale = input.locale;
      if (input.ageBand !== undefined) p.ageBand = input.ageBand;
      if (input.gender !== undefined) p.gender = input.gender;
      const saved = await em.save(p);
      await this.audit.record(em, { actorId: p.id, action: 'participant.updateProfile', targetType: 'participant', targetId: p.id });
      return saved;
    });
  }
}
