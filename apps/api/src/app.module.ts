import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './common/auth/auth.module';
import { TokenService } from './common/auth/token.service';
import type { RequestContext } from './common/auth/viewer';
import { clearSessionCookie } from './common/auth/cookies';
import { errorLanguage, AllExceptionsFilter } from './common/errors/graphql-exception.filter';
import { aliasLimitRule, complexityLimitPlugin, depthLimitRule, QUERY_LIMITS } from './common/graphql/query-limits';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/environment';
import { dataSourceOptions } from './database/data-source';
import { FEATURE_MODULES } from './feature-modules';
import { answerRepliesFromThread } from './modules/comment/comment-replies.fast-path';
import { HealthModule } from './modules/health/health.module';

/** Everything that is not a contract error code (e.g. Apollo's parse/validation codes) is bad input. */
const CONTRACT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CLIENT_REQUEST_ID_REUSED', 'INTERNAL_SERVER_ERROR']);

export function formatGraphqlError(isProduction: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    if (!CONTRACT_CODES.has(code)) {
      extensions.code = 'BAD_USER_INPUT';
      extensions.reason = extensions.reason ?? code;
    }
    // Apollo's own BAD_USER_INPUT (variables that do not coerce to their declared types) has no reason of ours.
    if (extensions.code === 'BAD_USER_INPUT' && !extensions.reason) {
      extensions.reason = formatted.message.startsWith('Variable "') ? 'VARIABLES_INVALID' : 'INPUT_INVALID';
    }
    if (isProduction || extensions.code !== 'INTERNAL_SERVER_ERROR') delete extensions.stacktrace;
    return { ...formatted, extensions };
  };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Health probes and static files would drown the log.
            autoLogging: { ignore: (req) => req.url === '/healthz' || !(req.url?.startsWith('/graphql') || req.url?.startsWith('/api/')) },
            // Finding 7: the response's set-cookie carried the session token at info level.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 2, retryDelay: 1000 }),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [TokenService],
          useFactory: (tokens: TokenService): ApolloDriverConfig => ({
            autoSchemaFile: true,
            sortSchema: true,
            // Coded errors thrown in field resolvers go through the same exception filter.
            fieldResolverEnhancers: ['filters'],
            path: '/graphql',
            introspection: !config.isProduction,
            playground: false,
            // The hosted sandbox needs the internet; use any GraphQL client against /graphql instead.
            // No cache hints are used: Apollo's cache-control plugin would otherwise wrap every field resolver (issue 12, read path).
            plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), complexityLimitPlugin(QUERY_LIMITS.maxComplexity)],
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            validationRules: [
              depthLimitRule(QUERY_LIMITS.maxDepth),
              aliasLimitRule(QUERY_LIMITS.maxAliases),
            ],
            formatError: formatGraphqlError(config.isProduction),
            // Comment.replies, resolved once per comment of a proposal page, skips Nest's per-call wrapper when its thread is in memory.
            transformSchema: answerRepliesFromThread,
            context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
              const { viewer, error } = await tokens.fromRequest(req);
              // A dead session in the cookie (signed out elsewhere, removed): the browser forgets it.
              if (error && !req.headers.authorization && TokenService.requestToken(req)) clearSessionCookie(res);
              return { req, res, viewer, authError: error, lang: errorLanguage(req) };
            },
          }),
        }),
        HealthModule,
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
