import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

function flashOf(state: unknown): string | null {
  const flash = (state as { flash?: unknown } | null)?.flash;
  return typeof flash === 'string' ? flash : null;
}

/**
 * A one-off success message passed in navigation state (e.g. after a required password change).
 * It is shown once: the state is cleared so that reloading or going back does not show it again.
 */
export function Flash() {
  const location = useLocation();
  const navigate = useNavigate();
  const [message] = useState(() => flashOf(location.state));
  useEffect(() => {
    if (flashOf(location.state)) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location, navigate]);
  if (!message) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="flash-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="flash-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
