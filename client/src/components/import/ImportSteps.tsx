import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

/** A wizard step's heading under its caption ("Import links: step 2 of 3"); takes focus after the first step. */
export function StepHeading({ caption, step, of, children }: { caption: string; step: number; of: number; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step > 1) ref.current?.focus();
  }, [step]);
  return (
    <>
      <span className="govuk-caption-l">
        {caption}: step {step} of {of}
      </span>
      <h1 className="govuk-heading-l" ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

/** A back link that goes to an earlier step of the wizard rather than another page. */
export function StepBack({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <a
      href="#"
      className="govuk-back-link"
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        e.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

interface PanelProps {
  title: string;
  children: ReactNode;
  /** h1 when the panel is the page's heading (and then it takes focus), h2 under a page heading. */
  level?: 1 | 2;
}

/** The GOV.UK confirmation panel shown when an import has finished. */
export function ImportCompletePanel({ title, children, level = 2 }: PanelProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (level === 1) ref.current?.focus();
  }, [level]);
  const Title = level === 1 ? 'h1' : 'h2';
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Title className="govuk-panel__title" ref={ref} tabIndex={level === 1 ? -1 : undefined}>
        {title}
      </Title>
      <div className="govuk-panel__body">{children}</div>
    </div>
  );
}
