import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks the layout APIs antd's responsive parts probe for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// Drafts kept in storage must not leak from one test into the next.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// antd loads on demand in the app (app/antd-theme.tsx); here once, up front,
// so that a lazy part's first render is not timed on loading all of antd.
await import('../app/antd-theme.tsx');
