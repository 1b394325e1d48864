import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LoggerService, LogLevel } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { createValidationPipe } from './common/graphql/validation.js';
import { ErrorFilter } from './common/http/error.filter.js';
import { countQueriesOf, queryCountingEnabled, queryCountMiddleware } from './common/http/query-count.js';
import type { AppConfig } from './config.js';

const API_PREFIXES = /^\/(graphql|files|health)(\/|$)/;

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
}

/** Builds the whole server (API, security headers, the built client) without listening. */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    abortOnError: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  const http: express.Express = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  if (queryCountingEnabled()) {
    // Benchmark only (off by default): SQL statements per request, in a response header.
    countQueriesOf(app.get(DataSource));
    app.use(queryCountMiddleware(process.env.BENCH_CAPTURE_DIR));
  }
  http.set('trust proxy', config.trustProxy);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          // The map's tiles, only when a tile server is configured.
          imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTiles ? [config.mapTiles.origin] : [])],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (API_PREFIXES.test(req.path)) res.setHeader('cache-control', 'no-store');
    next();
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(app.getHttpAdapter()));

  if (config.clientDist && existsSync(join(config.clientDist, 'index.html'))) {
    const dist = config.clientDist;
    http.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
    http.use(express.static(dist, { index: false, maxAge: 0 }));
    // Client-side routes all load the single page; API paths never fall through to it.
    http.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
      if (API_PREFIXES.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  }

  await app.init();

  return app;
}
