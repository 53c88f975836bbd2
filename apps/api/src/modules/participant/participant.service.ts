import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors, rateLimited, unauthenticated } from '../../common/errors/domain-error';
import type { Device } from '../../common/auth/device.service';
import { clientAddressKey, type FailurePolicy, FailureRateLimiter, type FailureState } from '../../common/rate-limit/failure-rate-limiter';
import { AuditService } from '../audit/audit.service';
import type { SignUpInput } from './dto/sign-up.input';
import type { UpdateProfileInput } from './dto/update-profile.input';
import { ParticipantEntity } from './participant.entity';

// OWASP's argon2id baseline (19 MiB, t=2, p=1): safe and fast enough for a hall signing in at once.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Wrong passwords per account (by email, whether or not it exists): 10 within 15 minutes lock that
 * email until the oldest of them is 15 minutes old. Guessing one password at 10 per 15 minutes is
 * hopeless, and the owner who forgot theirs waits at most 15 minutes.
 */
export const SIGN_IN_EMAIL_POLICY: FailurePolicy = { name: 'sign-in-email', limit: 10, windowMs: 15 * 60_000 };
/** Wrong passwords per device (the signed device cookie), over all emails: 10 within 10 minutes lock that browser only. */
export const SIGN_IN_DEVICE_POLICY: FailurePolicy = { name: 'sign-in-device', limit: 10, windowMs: 10 * 60_000 };
/**
 * Wrong passwords per client address, over all emails (password spraying): 1,000 within 10 minutes.
 * Right passwords are never counted, and a device that has signed in or joined before passes an
 * address lock, so one attendee cannot lock a hall behind one Wi-Fi address out (finding 6).
 */
export const SIGN_IN_ADDRESS_POLICY: FailurePolicy = { name: 'sign-in-address', limit: 1000, windowMs: 10 * 60_000 };

@Injectable()
export class ParticipantService {
  private readonly logger = new Logger(ParticipantService.name);
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limiter: FailureRateLimiter,
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

  /**
   * Checks the password. A locked email or address is refused before any hash is verified (a
   * locked-out guesser costs no CPU); a wrong password counts against both. Successes are never
   * counted or throttled.
   */
  async signIn(email: string, password: string, origin: { ip: string | undefined; device: Device }): Promise<ParticipantEntity> {
    // No account has a longer email or password (SignUpInput), and the email becomes a limiter key.
    if (email.length > 320 || password.length > 200) {
      throw badInput('SIGN_IN_INPUT_TOO_LONG', 'メールアドレスまたはパスワードが長すぎます。', 'The email address or password is too long.');
    }
    const emailKey = email.trim().toLowerCase();
    const addressKey = clientAddressKey(origin.ip);
    const deviceKey = `device:${origin.device.id}`;
    const [byEmail, byDevice, byAddress] = await Promise.all([
      this.limiter.check(SIGN_IN_EMAIL_POLICY, emailKey),
      this.limiter.check(SIGN_IN_DEVICE_POLICY, deviceKey),
      origin.device.trusted ? null : this.limiter.check(SIGN_IN_ADDRESS_POLICY, addressKey),
    ]);
    const locked = [byEmail, byDevice, byAddress].find((s) => s?.locked);
    if (locked) throw signInLocked(locked);
    const found = await this.dataSource
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.emailLower = :email', { email: emailKey })
      .getOne();
    // Verify against a dummy hash when the account does not exist, so timing does not reveal it.
    this.dummyHash ??= argon2.hash('not-a-real-password', ARGON2_OPTIONS);
    const hash = found?.passwordHash ?? (await this.dummyHash);
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!found || !ok) {
      const [e, a] = await Promise.all([
        this.limiter.recordFailure(SIGN_IN_EMAIL_POLICY, emailKey),
        this.limiter.recordFailure(SIGN_IN_ADDRESS_POLICY, addressKey),
        this.limiter.recordFailure(SIGN_IN_DEVICE_POLICY, deviceKey),
      ]);
      if (e.locked && e.failures === SIGN_IN_EMAIL_POLICY.limit) this.logger.warn(`sign-in locked for one email after ${e.failures} wrong passwords`);
      if (a.locked && a.failures === SIGN_IN_ADDRESS_POLICY.limit) this.logger.warn(`sign-in locked for address ${addressKey} after ${a.failures} wrong passwords`);
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

function signInLocked(state: FailureState) {
  const minutes = Math.max(1, Math.ceil(state.retryAfterMs / 60_000));
  return rateLimited(
    'SIGN_IN_LOCKED',
    `パスワードの入力誤りが続いたため、ログインを一時停止しています。約${minutes}分後にもう一度お試しください。`,
    `Too many wrong passwords. Sign-in is paused; please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: Math.ceil(state.retryAfterMs / 1000) },
  );
}
