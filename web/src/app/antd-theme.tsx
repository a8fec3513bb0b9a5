import {
  Alert as AntAlert,
  Button as AntButton,
  Input as AntInput,
  Space as AntSpace,
  Tag as AntTag,
  Tooltip as AntTooltip,
  ConfigProvider,
} from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ComponentType, type ReactNode, useContext } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { InTheme } from '../shared/in-theme.ts';

/*
 * antd with the app's theme. Loaded lazily: the questionnaire's first paint
 * uses no antd (its buttons are native, shared/button.tsx), so antd — about
 * 60 KB gzip with its style engine — loads after it. Every other page is
 * loaded with it and put under it (app/routes.tsx); what the questionnaire
 * shows with antd later (banners, the check step, tags) brings the theme
 * along: the components below, shared/antd.tsx and app/later.tsx.
 */

// No motion: every radio tick otherwise animates for 0.3 s, a dozen style
// recalculations per answer on a slow machine (and calmer for everyone).
// Links and success text darker than antd's defaults (#1677ff 4.1:1, #52c41a
// 2.3:1 on white): WCAG AA wants 4.5:1 for body text (axe, test/e2e/a11y).
const theme = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorSuccess: '#2e7d12',
    // Placeholders too (#bfbfbf is 1.8:1): a select's placeholder is its only label at times.
    colorTextPlaceholder: '#737373',
    borderRadius: 6,
    motion: false,
  },
};
// No click "wave": it measures and animates on every choice, which costs
// more than the answer itself on a slow machine.
const wave = { disabled: true };
// antd spaces two-character Chinese labels ("开 始"): the visible text then no
// longer matches the accessible name ("开始：…") a screen-reader user says.
const button = { autoInsertSpace: false };

/** antd follows our language: zh_CN unless the user switched to English. Never nested. */
export function AntdTheme({ children }: { children: ReactNode }) {
  const inside = useContext(InTheme);
  const { locale } = useLocale();
  if (inside) return children;
  return (
    <InTheme.Provider value={true}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        theme={theme}
        wave={wave}
        button={button}
      >
        {children}
      </ConfigProvider>
    </InTheme.Provider>
  );
}

/** A component that brings the theme along when it renders outside it. */
export function themed<P extends object>(C: ComponentType<P>): ComponentType<P> {
  const Themed = (props: P) => (
    <AntdTheme>
      <C {...props} />
    </AntdTheme>
  );
  Themed.displayName = `Themed(${C.displayName ?? C.name})`;
  return Themed;
}

// What the questionnaire's lazy parts use (imported from here, not from antd).
export const Alert = themed(AntAlert);
export const Button = themed(AntButton);
export const Input = Object.assign(themed(AntInput), { TextArea: themed(AntInput.TextArea) });
export const Space = themed(AntSpace);
export const Tag = themed(AntTag);
export const Tooltip = themed(AntTooltip);
