import { later } from '../shared/antd.tsx';

/*
 * Parts of the questionnaire route that use antd but are not on its first
 * paint — an error, the carried-answers notice, the roll-up sources — loaded
 * on first use with the theme (shared/antd.tsx), so the route's initial
 * JavaScript has no antd in it (web/scripts/bundle-budget.ts).
 */
export const ProblemAlert = later(() =>
  import('../shared/problem-alert.tsx').then((m) => m.ProblemAlert),
);
export const PendingNotice = later(() =>
  import('../carry-over/pending-notice.tsx').then((m) => m.PendingNotice),
);
export const FillSources = later(() =>
  import('../programmes/fill-sources.tsx').then((m) => m.FillSources),
);
