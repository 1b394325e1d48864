interface Props {
  shown: number;
  noun: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Showing N things" and a "Load more" button while the server has more pages. */
export function LoadMore({ shown, noun, hasMore, loading, onLoadMore }: Props) {
  return (
    <div className="app-load-more">
      <p className="govuk-body" aria-live="polite">
        Showing {shown} {noun}
        {hasMore ? '. There are more.' : '.'}
      </p>
      {hasMore ? (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onLoadMore} disabled={loading} aria-disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
