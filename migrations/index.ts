import { MaseListAndScreening1795570487214 } from './1795570487214-MaseListAndScreening.js';
import { Initial1795569153437 } from './1795569153437-Initial.js';
import { AuditChain1795569154437 } from './1795569154437-AuditChain.js';
/** Every migration, in order. `npm run db:generate -- Name` appends new ones here. */
export const MIGRATIONS: Function[] = [
  Initial1795569153437,
  AuditChain1795569154437,
  MaseListAndScreening1795570487214,
];
