import { useState } from 'react';

/**
 * "Load more" for a cursor connection: fetches the page after `endCursor` (the cache's type policy
 * appends it, see app/apollo.ts) and tracks its own loading and error state.
 */
export function useLoadMore(
  endCursor: string | null | undefined,
  fetchPage: (after: string) => Promise<unknown>,
): { loadMore: () => Promise<void>; loadingMore: boolean; moreError: unknown } {
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  async function loadMore() {
    if (!endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchPage(endCursor);
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }
  return { loadMore, loadingMore, moreError };
}
