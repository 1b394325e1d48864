import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** The table's name: shown above it (so it stays in view while the table scrolls) and as its caption. */
  caption: string;
  id: string;
  className?: string;
  /** Scroll to the right-hand end when `latest` changes: the newest months are at the end. */
  latest?: unknown;
  testId?: string;
  children: ReactNode;
}

/** A table of months that may be wider than the page: it scrolls sideways inside a focusable region, newest months in view. */
export function ScrollTable({ caption, id, className, latest, testId, children }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [latest]);
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={id}>
        {caption}
      </h3>
      <div className="app-table-scroll app-scroll-contain" role="region" aria-labelledby={id} tabIndex={0} ref={scroller}>
        <table className={`govuk-table app-table--compact${className ? ` ${className}` : ''}`} data-testid={testId}>
          <caption className="govuk-visually-hidden">{caption}</caption>
          {children}
        </table>
      </div>
    </>
  );
}
