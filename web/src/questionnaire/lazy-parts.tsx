import { type ComponentType, lazy, Suspense } from 'react';
import { useT } from '../i18n/locale.tsx';

/*
 * What a questionnaire shows only now and then — the check step, the
 * conflict and locked banners, the 待确认 tag with its tooltip, a question's
 * sources — is kept out of the first paint, with antd (Alert, Button, Tag,
 * Tooltip) behind it (web's bundle budget counts that paint's JavaScript). `preloadParts`
 * fetches it all as soon as the questionnaire is up, so each is there,
 * rendered at once, by the time it is needed: the check step's heading can
 * then take the focus on the very render that shows it.
 */

// biome-ignore lint/suspicious/noExplicitAny: each part's own props are checked at its export.
type Any = ComponentType<any>;

const loaders = {
  submitCheck: () => import('./submit-check.tsx').then((m) => m.SubmitCheck as Any),
  conflictBanner: () => import('./conflict-banner.tsx').then((m) => m.ConflictBanner as Any),
  mergeConflicts: () => import('./merge-conflicts.tsx').then((m) => m.MergeConflicts as Any),
  lockedBanner: () => import('./locked-banner.tsx').then((m) => m.LockedBanner as Any),
  styleKeeper: () => import('./style-keeper.tsx').then((m) => m.StyleKeeper as Any),
  tag: () => import('../shared/unverified-tag.tsx').then((m) => m.UnverifiedTag as Any),
  citations: () => import('../shared/citation-list.tsx').then((m) => m.CitationList as Any),
};
type Name = keyof typeof loaders;

/** Parts already loaded render synchronously; the others through React.lazy. */
const loaded = new Map<Name, Any>();
const fetchPart = (name: Name) =>
  loaders[name]().then((c) => {
    loaded.set(name, c);
    return { default: c };
  });
const lazies = {} as Record<Name, Any>;
for (const n of Object.keys(loaders) as Name[]) lazies[n] = lazy(() => fetchPart(n));

function Part({ name, props }: { name: Name; props: object }) {
  const C = loaded.get(name) ?? lazies[name];
  return <C {...props} />;
}

type PropsOf<T> = T extends ComponentType<infer P> ? P : never;
type Parts = {
  submitCheck: typeof import('./submit-check.tsx').SubmitCheck;
  conflictBanner: typeof import('./conflict-banner.tsx').ConflictBanner;
  mergeConflicts: typeof import('./merge-conflicts.tsx').MergeConflicts;
  lockedBanner: typeof import('./locked-banner.tsx').LockedBanner;
  citations: typeof import('../shared/citation-list.tsx').CitationList;
};

export const SubmitCheck = (p: PropsOf<Parts['submitCheck']>) => (
  <Part name="submitCheck" props={p} />
);
export const ConflictBanner = (p: PropsOf<Parts['conflictBanner']>) => (
  <Part name="conflictBanner" props={p} />
);
export const MergeConflicts = (p: PropsOf<Parts['mergeConflicts']>) => (
  <Part name="mergeConflicts" props={p} />
);
export const LockedBanner = (p: PropsOf<Parts['lockedBanner']>) => (
  <Part name="lockedBanner" props={p} />
);
export const StyleKeeper = () => <Part name="styleKeeper" props={{}} />;

/** A question's sources, shown on demand. */
export const CitationList = (p: PropsOf<Parts['citations']>) => (
  <Suspense fallback={null}>
    <Part name="citations" props={p} />
  </Suspense>
);

/** Fetches every part now (after the first paint), so none waits when it is needed. */
export function preloadParts(): void {
  for (const n of Object.keys(loaders) as Name[])
    if (!loaded.has(n)) void fetchPart(n).catch(() => {});
}

/** 待确认 with its tip; until antd's tag has loaded, the same words without the styling. */
export function UnverifiedTag() {
  const t = useT();
  return (
    <Suspense fallback={<span className="zp-unverified-plain">{t('unverified')}</span>}>
      <Part name="tag" props={{}} />
    </Suspense>
  );
}
