import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Item } from '@zhiping/forms';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/locale.tsx';
import { flushTyping, useTyped } from './inputs/use-typed.ts';
import { ItemInput } from './item-input.tsx';

/*
 * 不适用 on a typed answer: the text is uncontrolled and reaches the form
 * only when typing pauses (use-typed.ts), so ticking the box right after a
 * keystroke must remember the text as typed, and unticking must give it back.
 */
const item: Extract<Item, { kind: 'text' }> = {
  id: 'q.text',
  kind: 'text',
  prompt: '说明',
  maxLength: 200,
  allowNotApplicable: true,
  required: false,
  citations: [],
};
const commits: unknown[] = [];

function Field() {
  const [value, setValue] = useState<unknown>(undefined);
  const typed = useTyped(value, (v) => {
    commits.push(v);
    setValue(v);
  });
  return (
    <ItemInput
      id="f"
      item={item}
      scales={{}}
      locale="zh"
      t={translator('zh')}
      value={value}
      onChange={typed.change}
      typed={typed}
      labelledBy="p"
      describedBy=""
      required={false}
      invalid={false}
    />
  );
}

describe('不适用 on a typed answer', () => {
  // Wired as ItemField wires it: a choice (the tick) hands over the text typed before it.
  it('keeps the keystrokes the form had not yet been given, and restores them when unticked', () => {
    commits.length = 0;
    render(<Field />);
    const box = screen.getByRole('textbox') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '已建立制度' } });
    expect(commits).toEqual([]); // still typing: the form has nothing yet
    const na = screen.getByRole('checkbox');
    fireEvent.click(na);
    expect(commits).toEqual(['已建立制度', { notApplicable: true }]);
    act(() => flushTyping()); // nothing left to hand over: the answer stays 不适用
    expect(commits).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox'));
    expect(commits.at(-1)).toBe('已建立制度');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('已建立制度');
  });
});
