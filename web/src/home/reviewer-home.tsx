import ReviewerQueue from '../review/reviewer-queue.tsx';
import { ReviewerDashboard } from './reviewer-dashboard.tsx';

/** A reviewer's home: what is assigned to them, in 待评审 / 已退回 / 已决定, below their figures. */
export function ReviewerHome() {
  return (
    <>
      <ReviewerQueue />
      <div className="zp-page">
        <ReviewerDashboard />
      </div>
    </>
  );
}
