import 'reflect-metadata';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { openDataSource } from '../../database/data-source.js';
import { resolveDatabase } from '../../database/resolve.js';
import { AuditService } from '../audit/audit.service.js';
import { BoundariesService } from './boundaries.service.js';
import { BOUNDARY_KINDS, MAX_GEOJSON_BYTES, type BoundaryKind } from './geo.js';

const USAGE = 'Usage: node import-boundaries.cli.js <file.geojson> --kind WARD|BOROUGH [--code-property WD23CD] [--name-property WD23NM] [--attribution "…"] [--source name]';

const { values, positionals } = parseArgs({
  options: {
    kind: { type: 'string' },
    'code-property': { type: 'string' },
    'name-property': { type: 'string' },
    attribution: { type: 'string' },
    source: { type: 'string' },
  },
  allowPositionals: true,
});
const [file] = positionals;
if (!file || positionals.length !== 1 || !values.kind) {
  console.error(USAGE);
  process.exit(2);
}
const kind = values.kind.toUpperCase() as BoundaryKind;
if (!BOUNDARY_KINDS.includes(kind)) {
  console.error(`--kind must be one of ${BOUNDARY_KINDS.join(', ')}`);
  process.exit(2);
}
let geojson: string;
try {
  if (statSync(file).size > MAX_GEOJSON_BYTES) {
    console.error(`${file} is larger than ${MAX_GEOJSON_BYTES / 1024 / 1024} MB: split it (for instance by borough) and import the parts`);
    process.exit(1);
  }
  geojson = readFileSync(file, 'utf8');
} catch (err) {
  console.error(`Cannot read ${file}: ${(err as Error).message}`);
  process.exit(1);
}

const db = await resolveDatabase((l) => console.log(l));
let exitCode = 0;
try {
  const ds = await openDataSource(db.url);
  try {
    const service = new BoundariesService(ds, new AuditService(ds));
    const r = await service.import(
      null,
      { geojson, kind, codeProperty: values['code-property'] ?? null, nameProperty: values['name-property'] ?? null, source: values.source ?? basename(file), attribution: values.attribution ?? null },
      'cli:import-boundaries',
    );
    console.log(`Imported ${kind} boundaries from ${file}: ${r.imported} new, ${r.replaced} replaced.`);
  } catch (err) {
    if (err instanceof GraphQLError && Array.isArray(err.extensions.fields)) {
      console.error(`Nothing was imported from ${file}:`);
      for (const f of err.extensions.fields as { field: string; message: string }[]) console.error(`  - ${f.message}`);
      exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    await ds.destroy();
  }
} finally {
  await db.close();
}
process.exit(exitCode);
