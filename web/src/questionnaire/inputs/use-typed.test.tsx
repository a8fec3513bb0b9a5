import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { flushTyping, useTyped } from './use-typed.ts';

/** What the harness saw: renders of the field, and what reached the form. */
const log = { renders: 0, commits: [] as unknown[] };
let setOutside: (v: string) => void = () => {};

/** A form value with the text input that types into it, counting its renders. */
function Field() {
  const [value, setValue] = useState('');
  setOutside = setValue;
  const typed = useTyped(value, (v) => {
    log.commits.push(v);
    setValue(String(v));
  });
  log.renders += 1;
  return (
    <input
      aria-label="field"
      value={String(typed.value ?? '')}
      onChange={(e) => typed.type(e.target.value)}
    />
  );
}

function harness() {
  log.renders = 0;
  log.commits = [];
  render(<Field />);
  return {
    input: screen.getByLabelText('field') as HTMLInputElement,
    set: (v: string) => setOutside(v),
  };
}

describe('text being typed (useTyped)', () => {
  it('shows each keystroke at once and hands the text to the form once, in one render', async () => {
    const { input } = harness();
    fireEvent.change(input, { target: { value: 'a' } });
    fireEvent.change(input, { target: { value: 'ab' } });
    expect(input.value).toBe('ab');
    expect(log.commits).toEqual([]); // not before the paint
    const before = log.renders;
    act(() => flushTyping());
    expect(log.commits).toEqual(['ab']);
    expect(input.value).toBe('ab');
    // The form's own re-render only: no state of the hook's own set, then let go.
    expect(log.renders - before).toBe(1);
  });

  it('shows a value set from outside once the text typed has been handed over', () => {
    const { input, set } = harness();
    fireEvent.change(input, { target: { value: 'draft' } });
    act(() => flushTyping());
    act(() => set('from the server'));
    expect(input.value).toBe('from the server');
    // And typing goes on from there.
    fireEvent.change(input, { target: { value: 'from the server!' } });
    act(() => flushTyping());
    expect(input.value).toBe('from the server!');
  });
});
