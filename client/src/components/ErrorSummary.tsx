import { useEffect, useRef, type MouseEvent } from 'react';
import type { ErrorItem } from '../lib/errors';

interface Props {
  items: ErrorItem[];
  title?: string;
  /** Move keyboard focus to the summary when it appears (GOV.UK pattern for a failed submit). */
  focus?: boolean;
}

/** Moves focus to a field named by an error-summary link, and scrolls its label into view. */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  const id = href.replace(/^#/, '');
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const labels = 'labels' in input ? (input as HTMLInputElement).labels : null;
  const label = labels?.[0] ?? input.closest('fieldset')?.querySelector('legend');
  (label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/** The GOV.UK error summary: what is wrong on the page, each line linking to its field. */
export function ErrorSummary({ items, title = 'There is a problem', focus = true }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && items.length > 0) ref.current?.focus();
  }, [items, focus]);

  if (items.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, i) => (
              <li key={`${i}-${item.text}`}>
                {item.href ? (
                  <a href={item.href} onClick={(e) => focusTarget(e, item.href ?? '')}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
