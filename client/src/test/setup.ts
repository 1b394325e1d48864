import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tests run without Vitest globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

// jsdom has no layout: scrolling is a no-op here.
if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = () => undefined;
}
