import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale.tsx';
import type { EvidenceFiles } from '../evidence-context.tsx';
import { EvidenceUpload } from './evidence-upload.tsx';

afterEach(cleanup);

/** An upload the test finishes by hand, reporting progress on the way. */
function slowFiles() {
  const waiting: { file: File; progress?: (f: number) => void; done: () => void }[] = [];
  const files: EvidenceFiles = {
    upload: (file, progress) =>
      new Promise((resolve) => {
        waiting.push({
          file,
          progress,
          done: () => resolve({ id: `id-${file.name}`, name: file.name }),
        });
      }),
    url: (id) => `/files/${id}`,
  };
  return { files, waiting };
}

const drop = (files: File[]) =>
  fireEvent.drop(screen.getByTestId('evidence-drop'), {
    dataTransfer: { files, types: ['Files'] },
  });

describe('EvidenceUpload', () => {
  it('takes dropped files, shows each one’s progress, refuses one over 10 MB before sending', async () => {
    const { files, waiting } = slowFiles();
    const onStored = vi.fn();
    render(
      <LocaleProvider locale="zh">
        <EvidenceUpload id="q-1-input" files={files} onStored={onStored} />
      </LocaleProvider>,
    );
    const big = new File(['x'], '大文件.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    drop([new File(['%PDF'], '方针.pdf', { type: 'application/pdf' }), big]);

    await waitFor(() => expect(waiting).toHaveLength(1));
    expect(waiting[0]?.file.name).toBe('方针.pdf'); // the big one never went out
    const bar = screen.getByRole('progressbar', { name: '方针.pdf 的上传进度' });
    waiting[0]?.progress?.(0.4);
    await waitFor(() => expect(bar.getAttribute('value')).toBe('0.4'));
    expect(screen.getByText('40%')).toBeTruthy();
    // The picker waits while a file is on its way.
    expect(
      screen.getByLabelText<HTMLInputElement>('上传证据文件', { selector: 'input' }).disabled,
    ).toBe(true);

    waiting[0]?.done();
    await waitFor(() =>
      expect(onStored).toHaveBeenCalledWith([{ id: 'id-方针.pdf', name: '方针.pdf' }]),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('大文件.pdf 超过 10 MB，没有上传。');
    expect(
      screen.getByLabelText<HTMLInputElement>('上传证据文件', { selector: 'input' }).disabled,
    ).toBe(false);
  });

  it('marks the zone while a file is dragged over it', () => {
    render(
      <LocaleProvider locale="zh">
        <EvidenceUpload id="q-1-input" files={slowFiles().files} onStored={vi.fn()} />
      </LocaleProvider>,
    );
    const zone = screen.getByTestId('evidence-drop');
    fireEvent.dragOver(zone, { dataTransfer: { dropEffect: 'none', types: ['Files'] } });
    expect(zone.className).toContain('zp-drop-over');
    fireEvent.dragLeave(zone);
    expect(zone.className).not.toContain('zp-drop-over');
  });
});
