import { Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, redactUrl } from './config/environment';
import { guardPoolClients, runMigrations } from './database/data-source';
import { TokenService } from './common/auth/token.service';
import { castVoteFastPath } from './modules/voting/cast-vote.fast-path';
import { VoteService } from './modules/voting/vote.service';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';

/** A start-up failure with one clear line for the operator (no stack trace). */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RunningServer {
  app: NestExpressApplication;
  url: string;
  port: number;
  databaseUrl: string;
  close(): Promise<void>;
}

const API_PREFIXES = ['/graphql', '/api/', '/healthz', '/socket.io'];

async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code ?? err.message;
    throw new StartupError(`cannot reach the database at ${redactUrl(url)} (${why}); check DATABASE_URL or unset it to use the embedded database`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Outside production a missing JWT_SECRET is generated once and kept in DATA_DIR. */
function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function findWebDist(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'dist/apps/web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

function serveWebApp(app: NestExpressApplication, webDist: string): void {
  app.useStaticAssets(webDist, { index: false, maxAge: '1h', setHeaders: (res, file) => file.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') });
  const indexHtml = path.join(webDist, 'index.html');
  // The SPA owns every other GET path (client-side routes such as /j/ABC123).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}

export async function startServer(config: AppConfig): Promise<RunningServer> {
  const bootLog = new NestLogger('Yoriai');
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, (m) => bootLog.log(m));
    databaseUrl = embedded.url;
  }
  try {
    await checkDatabase(databaseUrl);
    const applied = await runMigrations(databaseUrl);
    if (applied.length) bootLog.log(`applied migrations: ${applied.join(', ')}`);

    const full = { ...config, databaseUrl, jwtSecret: resolveJwtSecret(config) };
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(full), {
      bufferLogs: true,
      bodyParser: false,
    });
    app.useLogger(app.get(Logger));
    guardPoolClients(app.get(DataSource), (m) => bootLog.warn(m));
    // Client addresses (rate limits) come from X-Forwarded-For only when sent by a trusted proxy.
    app.set('trust proxy', config.trustProxy ?? 'loopback');
    app.disable('x-powered-by');
    // 20,000-character proposals in UTF-8 with JSON escaping stay well under this.
    app.useBodyParser('json', { limit: '256kb' });
    app.use(cookieParser());
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            connectSrc: ["'self'", 'ws:', 'wss:'],
            imgSrc: ["'self'", 'data:', 'blob:'],
            styleSrc: ["'self'", "'unsafe-inline'"],
            fontSrc: ["'self'", 'data:'],
            scriptSrc: ["'self'"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
          },
        },
        crossOriginEmbedderPolicy: false,
      }),
    );
    // castVote, the hot path, answered before Apollo (the same authentication and service; anything
    // else falls through): docs/architecture.md § The vote path.
    app.use(castVoteFastPath({ tokens: app.get(TokenService), votes: app.get(VoteService) }));
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: false, validationError: { target: false } }));
    const webDist = config.webDistDir ?? findWebDist();
    if (webDist) serveWebApp(app, webDist);
    await app.listen(config.port, config.host ?? '0.0.0.0');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    bootLog.log(`Yoriai is listening on http://localhost:${port} (database: ${embedded ? 'embedded' : redactUrl(databaseUrl)}${webDist ? '' : ', web app not built'})`);
    let closing: Promise<void> | undefined;
    return {
      app,
      url,
      port,
      databaseUrl,
      close: () =>
        (closing ??= (async () => {
          await app.close();
          await embedded?.stop();
        })()),
    };
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}
