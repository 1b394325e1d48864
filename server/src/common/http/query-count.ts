import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';

/**
 * Opt-in SQL statement counting for the benchmark (`BENCH_COUNT_QUERIES=1`, off by default): every
 * statement a request sends to PostgreSQL is counted, and the count leaves with the response in the
 * `x-sql-statements` header. With `BENCH_CAPTURE_DIR` set as well, a request carrying
 * `x-bench-capture: <name>` has its statements and parameters written to `<dir>/<name>.jsonl`
 * (including any background work it starts), so the benchmark can replay the same SQL through `pg`.
 */
export const SQL_STATEMENTS_HEADER = 'x-sql-statements';
export const CAPTURE_HEADER = 'x-bench-capture';

interface RequestStatements {
  count: number;
  captureFile: string | null;
}

const current = new AsyncLocalStorage<RequestStatements>();

export function queryCountingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BENCH_COUNT_QUERIES === '1';
}

/** Counts (and, when asked, records) each statement the data source sends within a request. */
export function countQueriesOf(dataSource: DataSource): void {
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    const store = current.getStore();
    if (store) {
      store.count++;
      if (store.captureFile) appendFileSync(store.captureFile, `${JSON.stringify({ query, parameters: parameters ?? [] })}\n`);
    }
    logQuery(query, parameters, queryRunner);
  };
}

/** Express middleware: runs the request in its own counting context and reports the count in a header. */
export function queryCountMiddleware(captureDir: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const name = req.header(CAPTURE_HEADER);
    const store: RequestStatements = {
      count: 0,
      captureFile: captureDir && name && /^[\w.-]{1,100}$/.test(name) ? join(captureDir, `${name}.jsonl`) : null,
    };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(store.count));
      return writeHead(...args);
    }) as Response['writeHead'];
    current.run(store, next);
  };
}
