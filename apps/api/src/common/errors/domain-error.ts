/** The error categories of CONTRACT.md, sent as `extensions.code`. */
export type ErrorCategory = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export type Lang = 'ja' | 'en';

export interface LocalizedMessage {
  ja: string;
  en: string;
}

/**
 * A coded domain error (e.g. PROPOSAL_NOT_OPEN). One filter turns it into a GraphQL error with
 * `extensions.code` = category, `extensions.reason` = code and the message in the caller's language.
 */
export class DomainError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly code: string,
    readonly messages: LocalizedMessage,
    readonly details?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = 'DomainError';
  }
}

const make =
  (category: ErrorCategory) =>
  (code: string, ja: string, en: string, details?: Record<string, unknown>): DomainError =>
    new DomainError(category, code, { ja, en }, details);

export const badInput = make('BAD_USER_INPUT');
export const unauthenticated = make('UNAUTHENTICATED');
export const forbidden = make('FORBIDDEN');
export const notFound = make('NOT_FOUND');
export const conflict = make('CONFLICT');
export const rateLimited = make('RATE_LIMITED');

export const Errors = {
  signInRequired: () => unauthenticated('SIGN_IN_REQUIRED', 'ログインが必要です。', 'You need to sign in.'),
  notFound: (what: LocalizedMessage) =>
    notFound('NOT_FOUND', `${what.ja}が見つかりません。`, `${what.en} was not found.`),
  forbidden: (ja = 'この操作を行う権限がありません。', en = 'You are not allowed to do this.') => forbidden('FORBIDDEN', ja, en),
};
