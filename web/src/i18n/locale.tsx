import {
  fill,
  type Locale,
  type Params,
  type MessageKey as SharedKey,
  translate,
} from '@zhiping/forms';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type MessageKey as ChromeKey, en, zh } from './messages.ts';

export type { Locale };

const STORAGE_KEY = 'zhiping.locale';

/** Any key the app may show: its own chrome, or a shared domain label from the catalogues. */
export type MessageKey = ChromeKey | SharedKey;
export type Translate = (key: MessageKey, params?: Params) => string;

// A chrome key must not shadow a catalogue key: the shared words are the only words.
type Shadowed = ChromeKey & SharedKey;
const noShadowing: [Shadowed] extends [never] ? true : Shadowed = true;
void noShadowing;

interface LocaleContext {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const isChrome = (key: MessageKey): key is ChromeKey => Object.hasOwn(zh, key);

/**
 * The app's words in one language: its chrome from `messages.ts`, every
 * domain label from the shared catalogues (the reports' words).
 *
 * @example translator('en')('assessmentStatus.in_review') // 'In review'
 */
export function translator(locale: Locale): Translate {
  const dict = locale === 'en' ? en : zh;
  return (key, params) =>
    isChrome(key) ? fill(dict[key] ?? zh[key], params) : translate(locale, key, params);
}

const Ctx = createContext<LocaleContext>({
  locale: 'zh',
  setLocale: () => {},
  t: translator('zh'),
});

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Chinese first; the choice of English is remembered in this browser. */
export function LocaleProvider({
  children,
  locale: fixed,
}: {
  children: ReactNode;
  locale?: Locale;
}) {
  const [locale, setState] = useState<Locale>(fixed ?? initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setState(l);
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLocale = () => useContext(Ctx);
export const useT = () => useContext(Ctx).t;
