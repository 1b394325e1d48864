import 'reflect-metadata';
import { migrate, openDataSource } from '../database/data-source.js';
import { resolveDatabase } from '../database/resolve.js';

const db = await resolveDatabase((l) => console.log(l));
try {
  const ds = await openDataSource(db.url);
  const applied = await migrate(ds);
  await ds.destroy();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
}
