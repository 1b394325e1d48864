import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

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
