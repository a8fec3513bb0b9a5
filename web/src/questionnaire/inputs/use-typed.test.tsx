import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useTextBox } from './text-box.ts';
import { flushTyping, MAX_WAIT_MS, QUIET_MS, useTyped } from './use-typed.ts';
import { parseNumber } from './value-inputs.tsx';

/** What the harness saw: renders of the field, and what reached the form. */
const log = { renders: 0, commits: [] as unknown[] };
let setOutside: (v: unknown) => void = () => {};

/** A form value with the uncontrolled box that types into it (a number box), counting renders. */
function Field() {
  const [value, setValue] = useState<unknown>(undefined);
  setOutside = setValue;
  const typed = useTyped(value, (v) => {
    log.commits.push(v);
    setValue(v);
  });
  const box = useTextBox<HTMLInputElement>({
    text: value === undefined ? '' : String(value),
    means: (s) => parseNumber(s) === value,
    pending: typed.pending,
    onText: (raw) => typed.type(parseNumber(raw)),
    onBlur: typed.send,
  });
  log.renders += 1;
  return <input aria-label="field" {...box} />;
}

function harness() {
  log.renders = 0;
  log.commits = [];
  render(<Field />);
  return {
    input: screen.getByLabelText('field') as HTMLInputElement,
    set: (v: unknown) => act(() => setOutside(v)),
  };
}

describe('text being typed (useTyped, useTextBox)', () => {
  it('renders nothing on a keystroke and hands the text over once, in one render', () => {
    const { input } = harness();
    const before = log.renders;
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.change(input, { target: { value: '12' } });
    expect(input.value).toBe('12');
    expect(log.renders).toBe(before); // the box holds the text: nothing rendered
    expect(log.commits).toEqual([]); // not while typing
    act(() => flushTyping());
    expect(log.commits).toEqual([12]);
    expect(input.value).toBe('12');
    expect(log.renders - before).toBe(1); // the form's own re-render only
  });

  it('hands over when typing pauses, and at least every second while it goes on', () => {
    vi.useFakeTimers();
    try {
      const { input } = harness();
      fireEvent.change(input, { target: { value: '7' } });
      act(() => vi.advanceTimersByTime(QUIET_MS - 50));
      expect(log.commits).toEqual([]); // still typing: the box holds it
      act(() => vi.advanceTimersByTime(100));
      expect(log.commits).toEqual([7]);
      // A keystroke every 100 ms never pauses; the form still has the text within MAX_WAIT_MS.
      for (let i = 1; i <= MAX_WAIT_MS / 100 + 1; i++) {
        fireEvent.change(input, { target: { value: `7${'0'.repeat(i)}` } });
        act(() => vi.advanceTimersByTime(100));
      }
      expect(log.commits.length).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands over on leaving the box', () => {
    const { input } = harness();
    fireEvent.change(input, { target: { value: '3' } });
    fireEvent.blur(input);
    expect(log.commits).toEqual([3]);
  });

  it('keeps "1." as typed while the form holds 1', () => {
    const { input } = harness();
    fireEvent.change(input, { target: { value: '1.' } });
    act(() => flushTyping());
    expect(log.commits).toEqual([1]);
    expect(input.value).toBe('1.');
  });

  it('shows an answer from outside, once the text typed has been handed over', () => {
    const { input, set } = harness();
    fireEvent.change(input, { target: { value: '5' } });
    // Waiting text is the respondent's: an answer from outside does not overwrite it …
    set(9);
    expect(input.value).toBe('5');
    act(() => flushTyping());
    expect(log.commits).toEqual([5]);
    // … and one after the hand-over does.
    set(42);
    expect(input.value).toBe('42');
    fireEvent.change(input, { target: { value: '421' } });
    act(() => flushTyping());
    expect(input.value).toBe('421');
    expect(log.commits).toEqual([5, 421]);
  });

  it('never hands over in the middle of an IME composition, and hands the composed text over whole', () => {
    const { input, set } = harness();
    fireEvent.compositionStart(input);
    // The IME's text while it composes (Chrome's input events carry isComposing).
    fireEvent.change(input, { target: { value: 'yi' } });
    act(() => flushTyping());
    expect(log.commits).toEqual([]);
    // A render with a new answer from the form must not rewrite the box under the IME either.
    set(8);
    expect(input.value).toBe('yi');
    fireEvent.change(input, { target: { value: '一' } });
    fireEvent.compositionEnd(input, { target: { value: '一' } });
    act(() => flushTyping());
    expect(log.commits).toEqual(['一']);
    expect(input.value).toBe('一');
  });
});
