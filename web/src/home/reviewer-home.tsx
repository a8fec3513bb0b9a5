import ReviewerQueue from '../review/reviewer-queue.tsx';

/** A reviewer's home: what is assigned to them, in 待评审 / 已退回 / 已决定. */
export function ReviewerHome() {
  return <ReviewerQueue />;
}
