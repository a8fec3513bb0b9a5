import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says why it is empty and what to do (a hint, and an action when there is one). */
export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint: string;
  action?: ReactNode;
}) {
  return (
    <Empty
      data-testid="list-empty"
      description={
        <>
          <strong>{title}</strong>
          <div className="zp-muted">{hint}</div>
        </>
      }
    >
      {action}
    </Empty>
  );
}
