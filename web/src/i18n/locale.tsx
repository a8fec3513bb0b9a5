import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type MessageKey, zh } from './messages.ts';

export type Locale = 'zh' | 'en';
const STORAGE_KEY = 'zhiping.locale';

type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

interface LocaleContext {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) =>
    params[k] === undefined ? m : String(params[k]),
  );
}

export function translator(locale: Locale): Translate {
  const dict = locale === 'en' ? en : zh;
  return (key, params) => format(dict[key] ?? zh[key], params);
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
