/** What a caller is told when the database connection broke under its request (GraphQL and socket acks alike). */
export const DATABASE_UNAVAILABLE = {
  ja: 'データベースとの接続が一時的に切れました。もう一度お試しください（投票や投稿は二重になりません）。',
  en: 'The connection to the database was lost for a moment. Please try again (votes and posts are never doubled).',
};

/**
 * The database connection broke under the request (PostgreSQL restarted or failed over, the
 * connection was terminated): the transaction did not commit — or its answer was lost — and a retry
 * with the same clientRequestId is safe. The pool replaces the connection, so the next request works.
 */
export function connectionLost(exception: unknown): boolean {
  const e = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && (/^57P0[123]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code))) return true;
  const message = String(e?.driverError?.message ?? e?.message ?? '');
  if ((exception as Error | null)?.name === 'QueryRunnerAlreadyReleasedError') return true; // TypeORM released the runner of a broken connection before ROLLBACK
  return /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable/i.test(message);
}
