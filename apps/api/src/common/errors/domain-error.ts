/** The error categories of CONTRACT.md, sent as `extensions.code`. */
export type ErrorCategory = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'CLIENT_REQUEST_ID_REUSED';

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
  /**
   * A clientRequestId sent again with other content (another choice, text or target): its own
   * category, so a client never mistakes it for the first answer (finding 8). The client should make
   * a new id whenever the content changes.
   */
  clientRequestIdReused: (what: LocalizedMessage = { ja: '別の内容', en: 'different content' }) =>
    new DomainError('CLIENT_REQUEST_ID_REUSED', 'CLIENT_REQUEST_ID_REUSED', {
      ja: `この clientRequestId は${what.ja}で使われています。新しい ID で送り直してください。`,
      en: `This clientRequestId was already used with ${what.en}; send again with a new id.`,
    }),
};
