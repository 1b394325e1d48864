import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useLoadMore } from './useLoadMore';

describe('useLoadMore', () => {
  it('fetches the page after the cursor, and nothing without one', async () => {
    const fetchPage = vi.fn(() => Promise.resolve());
    const { result, rerender } = renderHook(({ cursor }: { cursor: string | null }) => useLoadMore(cursor, fetchPage), { initialProps: { cursor: null as string | null } });
    await act(() => result.current.loadMore());
    expect(fetchPage).not.toHaveBeenCalled();
    rerender({ cursor: 'abc' });
    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledWith('abc');
    expect(result.current).toMatchObject({ loadingMore: false, moreError: null });
  });

  it('keeps the error of a failed page for the page to show', async () => {
    const failure = new Error('The database is unavailable');
    const { result } = renderHook(() => useLoadMore('abc', () => Promise.reject(failure)));
    await act(() => result.current.loadMore());
    expect(result.current).toMatchObject({ loadingMore: false, moreError: failure });
  });
});
