import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useBelowHeader } from './use-below-header.ts';

function Bar() {
  const ref = useBelowHeader();
  return (
    <div ref={ref} data-testid="bar">
      filters
    </div>
  );
}

afterEach(() => {
  for (const h of document.querySelectorAll('.zp-header')) h.remove();
});

describe('useBelowHeader', () => {
  it('places a sticky bar at the height of the app header, so the header never covers it', () => {
    const header = document.createElement('header');
    header.className = 'zp-header';
    // jsdom lays nothing out: give the header the height a browser would measure.
    Object.defineProperty(header, 'offsetHeight', { value: 57 });
    document.body.append(header);
    render(<Bar />);
    expect(screen.getByTestId('bar').style.getPropertyValue('--zp-header-h')).toBe('57px');
  });

  it('leaves the bar alone where there is no header', () => {
    render(<Bar />);
    expect(screen.getByTestId('bar').style.getPropertyValue('--zp-header-h')).toBe('');
  });
});
