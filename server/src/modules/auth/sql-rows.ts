/**
 * The rows of an `UPDATE … RETURNING` or `DELETE … RETURNING` run through `EntityManager.query`:
 * TypeORM's PostgreSQL driver answers those with `[rows, rowCount]`, and INSERT/SELECT with rows.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
