import { memo } from 'react';

/**
 * A thin progress bar with the progressbar role. Plain markup rather than
 * antd's Progress: it re-renders on every answer, where antd's per-render
 * styling work is measurable on a slow machine.
 */
export const ProgressBar = memo(function ProgressBar({
  percent,
  label,
  className,
}: {
  percent: number;
  label: string;
  className?: string;
}) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={className ? `zp-progress ${className}` : 'zp-progress'}>
      <div
        className="zp-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p}
      >
        <div
          className={p === 100 ? 'zp-progress-bar zp-progress-done' : 'zp-progress-bar'}
          style={{ width: `${p}%` }}
        />
      </div>
      <span className="zp-progress-text" aria-hidden="true">
        {p}%
      </span>
    </div>
  );
});
