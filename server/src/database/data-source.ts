import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

/**
 * The pool's connections, each with an error listener of its own from the start. pg-pool takes its
 * listener off a connection as it hands it out, and TypeORM puts its own on a moment later; a
 * server shutting down can send its last message in that moment (a new connection's first bytes
 * and "terminating connection" in one packet), and an 'error' event with no listener would end the
 * whole process. The error is not lost: the connection is dead, and its next query fails with it.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // DATABASE_SLOW_QUERY_MS: log every statement that takes longer (with its parameters' count), for
    // operators looking for what is slow; off by default.
    ...(Number(process.env.DATABASE_SLOW_QUERY_MS) > 0 ? { logging: ['warn', 'error'], maxQueryExecutionTime: Number(process.env.DATABASE_SLOW_QUERY_MS) } : { logging: false }),
    extra: {
      Client: GuardedClient,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      application_name: 'mase-hub',
      // A request must never hang on a lock or a dead server.
      statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000),
      connectionTimeoutMillis: 5_000,
      // Notice a database host that stops answering without closing its connections.
      keepAlive: true,
    },
    ...overrides,
  } as DataSourceOptions;
}

export async function openDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, overrides));
  await ds.initialize();
  return ds;
}

export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
