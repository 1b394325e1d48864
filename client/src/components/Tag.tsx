import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'red' | 'yellow' | 'blue' | 'orange' | 'purple' | 'light-blue' | 'pink' | 'turquoise';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}
