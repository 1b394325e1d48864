import type { ApolloDriverConfig } from '@nestjs/apollo';
import { HttpException, Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { isDatabaseUnavailable } from './errors.js';
import { createLoaders } from './loaders.js';
import type { GqlContext } from './context.js';

/** Limits that stop abusive documents before execution. They are never echoed to the caller. */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 20000,
} as const;

const OWN_CODES = new Set([
  'REASON_REQUIRED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'MFA_SETUP_REQUIRED',
  'MFA_CODE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const logger = new Logger('GraphQL');

const HTTP_CODES: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS' };

/**
 * Every error leaves the server as a message for a person and a code, never a stack trace or an
 * internal detail. Unknown errors are logged with a reference the person can quote.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const rawCode = formatted.extensions?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof GraphQLError && OWN_CODES.has(String(original.extensions.code))) {
    const { code: c, fields, retryAfterSeconds, scope } = original.extensions as Record<string, unknown>;
    return { ...base, message: original.message, extensions: { code: c, ...(fields ? { fields } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}), ...(scope ? { scope } : {}) } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED' && /tokens/.test(formatted.message)) {
    // graphql-js names its token limit in the message; the limits are not told to callers.
    return { message: 'Syntax Error: the query is too large.', extensions: { code } };
  }
  if (APOLLO_CODES.has(code) || (code === 'BAD_USER_INPUT' && !(original instanceof Error && !(original instanceof GraphQLError)))) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    return { ...base, message: original.message, extensions: { code: HTTP_CODES[status] ?? 'BAD_REQUEST' } };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      ...base,
      message: 'MASE Hub cannot reach its database just now. Nothing was saved. Try again in a moment.',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  }
  const reference = randomUUID().slice(0, 8);
  logger.error(`[${reference}] ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return {
    ...base,
    message: `Something went wrong on the server (reference ${reference}). Try again; if it keeps happening, tell your administrator.`,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

const REFUSED_DOCUMENT = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/** An error raised for input over a size limit (`inputTooLarge`): it asks for HTTP 400. */
const asksFor400 = (e: GraphQLError) => (e.extensions?.http as { status?: number } | undefined)?.status === 400;

/**
 * `Cache-Control: no-store` on every GraphQL response, whatever path produced it; a 400 for a
 * document refused before execution (graphql-armor's token limit rejects during parsing, which
 * Apollo would otherwise answer with a 500) and for input over a size limit of the validation layer;
 * every other executed operation answers 200, its errors in the body (ordinary validation errors
 * included), as the client expects. This replaces @nestjs/apollo's own reset to 200, which would
 * also undo the 400 for oversized input.
 */
const responsePolicy: ApolloServerPlugin = {
  requestDidStart: () => {
    let tooLarge = false;
    return Promise.resolve({
      didEncounterErrors: ({ errors }) => {
        if (errors.some(asksFor400)) tooLarge = true;
        return Promise.resolve();
      },
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        const body = response.body;
        if (body.kind !== 'single') return Promise.resolve();
        if (!body.singleResult.data && body.singleResult.errors?.some((e) => REFUSED_DOCUMENT.has(String(e.extensions?.code)))) {
          response.http.status = 400;
        } else if ('data' in body.singleResult) {
          response.http.status = tooLarge ? 400 : 200;
        }
        return Promise.resolve();
      },
    });
  },
};

export function graphqlOptions(config: AppConfig, dataSource: DataSource, autoSchemaFile: string | true = true): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, exposeLimits: false, ignoreIntrospection: !config.production },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: false },
    // graphql-armor's Apollo token plugin throws from a parsing hook, which Apollo answers with a
    // 500; graphql-js's own parser limit (parseOptions below) refuses the same documents with a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: false },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits: false, ignoreIntrospection: !config.production },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // responsePolicy sets the status of executed operations (see there).
    preserveHttpStatusForExecutionErrors: false,
    includeStacktraceInErrorResponses: false,
    // @nestjs/apollo's types name Apollo's CommonJS build and these its ES build: the same objects at run time.
    // No cache hints (every response is no-store) and no traces: Apollo's cache-control plugin would
    // otherwise wrap every field of every response (a third of the time of a large aggregate).
    plugins: [...armor.plugins, responsePolicy, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()] as unknown as ApolloDriverConfig['plugins'],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    formatError,
    // Guards run on field resolvers too, so a sensitive field cannot be reached through a nested path.
    fieldResolverEnhancers: ['guards'],
    context: ({ req, res }: Pick<GqlContext, 'req' | 'res'>): GqlContext => ({ req, res, loaders: createLoaders(dataSource) }),
  };
}
