/**
 * `npm run db:generate -- Name`: writes migrations/<timestamp>-<Name>.ts with the SQL that brings a
 * database at the current migrations up to the entities, and registers it in migrations/index.ts.
 * Read the SQL before committing it. Uses DATABASE_URL, or a throwaway embedded PostgreSQL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDataSource } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded.js';
import { projectRoot } from '../database/project-root.js';
import pg from 'pg';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run db:generate -- MigrationName (PascalCase)');
  process.exit(2);
}

const root = projectRoot();
const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dir: join(root, '.data', 'generate-postgres'), persistent: false });
let url = process.env.DATABASE_URL ?? '';
const scratch = `mase_generate_${Date.now()}`;
if (embedded) {
  const admin = new pg.Client({ connectionString: embedded.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  await admin.end();
  url = embedded.urlFor(scratch);
}
try {
  const ds = await openDataSource(url);
  await migrate(ds);
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('The entities match the migrations: nothing to generate.');
  } else {
    const ts = Date.now();
    const className = `${name}${ts}`;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const body = (qs: { query: string }[]) => qs.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${body(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${body([...sql.downQueries].reverse())}
  }
}
`;
    const fileName = `${ts}-${name}`;
    writeFileSync(join(root, 'migrations', `${fileName}.ts`), file);
    const indexPath = join(root, 'migrations', 'index.ts');
    let index = readFileSync(indexPath, 'utf8');
    index = `import { ${className} } from './${fileName}.js';\n` + index;
    index = index.replace(/\];\s*$/, (m) => `  ${className},\n${m}`).replace('[  ', '[\n  ');
    writeFileSync(indexPath, index);
    console.log(`Wrote migrations/${fileName}.ts (${sql.upQueries.length} statements). Read it before committing.`);
  }
} finally {
  await embedded?.stop();
}
