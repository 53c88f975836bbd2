import { ArgumentsHost, BadRequestException, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { connectionLost, DATABASE_UNAVAILABLE } from './database-unavailable';
import { DomainError, ErrorCategory, Lang } from './domain-error';
import { pickLanguage } from './language';

const HTTP_CATEGORY: Record<number, ErrorCategory> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'RATE_LIMITED',
};

const CATEGORY_STATUS: Record<ErrorCategory, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CLIENT_REQUEST_ID_REUSED: 422,
};

const INVALID_INPUT = { ja: '入力内容に誤りがあります', en: 'Invalid input' };
const PAYLOAD_TOO_LARGE = {
  ja: 'リクエストが大きすぎます（上限 256 KB）。',
  en: 'The request is too large (limit 256 KB).',
};
/**
 * PostgreSQL class 22 (data exception): a value the database cannot store or compare — an id that is
 * not a UUID, text with a NUL character, a number out of range. The input was bad, not the server;
 * the transaction rolled back, so nothing was written.
 */
const DATA_EXCEPTIONS: Record<string, { reason: string; ja: string; en: string }> = {
  '22P02': { reason: 'VALUE_INVALID', ja: '入力値の形式が正しくありません（ID など）。', en: 'A value has the wrong format (for example an id).' },
  '22021': { reason: 'TEXT_INVALID_CHARACTER', ja: '使用できない文字（NUL など）が含まれています。', en: 'The text contains a character that cannot be stored (such as NUL).' },
  '22P05': { reason: 'TEXT_INVALID_CHARACTER', ja: '使用できない文字（NUL など）が含まれています。', en: 'The text contains a character that cannot be stored (such as NUL).' },
  '22001': { reason: 'VALUE_TOO_LONG', ja: '入力値が長すぎます。', en: 'A value is too long.' },
  '22003': { reason: 'VALUE_OUT_OF_RANGE', ja: '数値が範囲外です。', en: 'A number is out of range.' },
};
const DATA_EXCEPTION = { reason: 'VALUE_INVALID', ja: '入力値を保存できません。', en: 'A value cannot be stored.' };

function dataException(exception: unknown): { reason: string; ja: string; en: string } | undefined {
  const e = exception as { code?: unknown; severity?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? (e?.severity ? e.code : undefined);
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return undefined;
  return DATA_EXCEPTIONS[code] ?? DATA_EXCEPTION;
}

const INTERNAL = {
  ja: 'サーバーで問題が発生しました。しばらくしてからもう一度お試しください。',
  en: 'Something went wrong on the server. Please try again shortly.',
};

export function errorLanguage(req: Request | undefined): Lang {
  return pickLanguage(req?.headers?.['accept-language'], req?.query?.lang);
}

/** Turns any thrown error into the contract's typed error, in the caller's language. */
export function toTypedError(
  exception: unknown,
  lang: Lang,
  logger: Logger,
): { category: ErrorCategory | 'INTERNAL_SERVER_ERROR'; reason: string; message: string; details?: unknown; status?: number } {
  // body-parser refuses a body over the limit before any route runs (server.ts: 256 KB).
  if ((exception as { type?: unknown } | null)?.type === 'entity.too.large' || (exception instanceof HttpException && exception.getStatus() === 413)) {
    return { category: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE', message: PAYLOAD_TOO_LARGE[lang], status: 413 };
  }
  if (connectionLost(exception)) {
    logger.warn(`database connection lost during a request: ${exception instanceof Error ? exception.message : String(exception)}`);
    return { category: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE[lang], status: 503 };
  }
  const data = dataException(exception);
  if (data) return { category: 'BAD_USER_INPUT', reason: data.reason, message: data[lang] };
  if (exception instanceof DomainError) {
    return { category: exception.category, reason: exception.code, message: exception.messages[lang], details: exception.details };
  }
  if (exception instanceof BadRequestException) {
    const body = exception.getResponse() as { message?: string | string[] };
    const problems = Array.isArray(body.message) ? body.message : [body.message ?? exception.message];
    return { category: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED', message: `${INVALID_INPUT[lang]}: ${problems.join('; ')}`, details: { problems } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const category = HTTP_CATEGORY[status];
    if (category) return { category, reason: `HTTP_${status}`, message: exception.message };
  }
  if (exception instanceof GraphQLError) {
    return { category: 'BAD_USER_INPUT', reason: String(exception.extensions?.code ?? 'GRAPHQL_ERROR'), message: exception.message };
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { category: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', message: INTERNAL[lang] };
}

@Catch()
export class AllExceptionsFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlArgumentsHost.create(host).getContext<{ req?: Request }>();
      const typed = toTypedError(exception, errorLanguage(ctx.req), this.logger);
      return new GraphQLError(typed.message, {
        extensions: { code: typed.category, reason: typed.reason, ...(typed.details ? { details: typed.details } : {}) },
      });
    }
    // REST (exports, health): JSON error with the same code/reason shape.
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const typed = toTypedError(exception, errorLanguage(req), this.logger);
    const status = typed.status ?? (typed.category === 'INTERNAL_SERVER_ERROR' ? 500 : CATEGORY_STATUS[typed.category]);
    // Requests refused before they reached Apollo (body too large, malformed JSON) still answer a
    // GraphQL client in the GraphQL response shape.
    if (req.path === '/graphql') {
      res.status(status).json({ errors: [{ message: typed.message, extensions: { code: typed.category, reason: typed.reason } }] });
      return undefined;
    }
    res.status(status).json({ error: { code: typed.category, reason: typed.reason, message: typed.message } });
    return undefined;
  }
}
