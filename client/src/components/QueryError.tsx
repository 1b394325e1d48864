import { errorMessage } from '../lib/errors';
import { ErrorSummary } from './ErrorSummary';

interface Props {
  error: unknown;
  /** Offer to try again (for retryable failures such as the service being unavailable). */
  onRetry?: () => void;
  title?: string;
}

/** A failed query: the GOV.UK error summary with the message, and a way to try again. */
export function QueryError({ error, onRetry, title }: Props) {
  return (
    <>
      <ErrorSummary title={title} items={[{ text: errorMessage(error) }]} focus={false} />
      {onRetry ? (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </>
  );
}
