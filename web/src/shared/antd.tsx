import { type ComponentType, lazy, Suspense, useState } from 'react';

/*
 * antd for what the questionnaire route loads up front but shows only now
 * and then (a read-only notice, an error, the carried-answers notice): these
 * render once antd has loaded, with the app's theme, so antd stays out of
 * the questionnaire's first paint (web/scripts/bundle-budget.ts). Where
 * antd is already in — on every other page — they render at once.
 */

type Kit = typeof import('../app/antd-theme.tsx');

let kit: Kit | undefined;
let loading: Promise<Kit> | undefined;

/** antd with the app's theme (app/antd-theme.tsx), loaded once. */
export function loadAntd(): Promise<Kit> {
  loading ??= import('../app/antd-theme.tsx').then((m) => {
    kit = m;
    return m;
  });
  return loading;
}

/** Renders `ready()` when it is there as the instance mounts, else `Lazy` once loaded (nothing until then). */
function settled<P extends object>(
  ready: () => ComponentType<P> | undefined,
  Lazy: ComponentType<P>,
): ComponentType<P> {
  return function Deferred(props: P) {
    // Decided once per instance: switching from one to the other later would remount it.
    const [C] = useState(ready);
    if (C) return <C {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/** One of app/antd-theme.tsx's themed antd components. */
function fromKit<P extends object>(pick: (k: Kit) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => loadAntd().then((k) => ({ default: pick(k) })));
  return settled(() => (kit ? pick(kit) : undefined), Lazy);
}

/**
 * A component of a module loaded on first use, themed.
 *
 * @example const Notice = later(() => import('./notice.tsx').then((m) => m.Notice));
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let ready: ComponentType<P> | undefined;
  const Lazy = lazy(async () => {
    const [C, k] = await Promise.all([load(), loadAntd()]);
    ready = k.themed(C);
    return { default: ready };
  });
  return settled(() => ready, Lazy);
}

export const Alert = fromKit((k) => k.Alert);
export const Button = fromKit((k) => k.Button);
export const Space = fromKit((k) => k.Space);
