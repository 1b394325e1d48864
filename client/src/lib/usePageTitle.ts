import { useEffect } from 'react';

export const SERVICE_NAME = 'MASE Hub';

/** Sets the browser tab's title; GOV.UK pattern: prefix "Error: " while the page shows errors. */
export function usePageTitle(title: string, hasError = false): void {
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasError]);
}
