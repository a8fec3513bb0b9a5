import { createContext } from 'react';

/**
 * True inside the app's antd theme (app/antd-theme.tsx). antd is kept off
 * the questionnaire's first paint, so its theme is not around every page:
 * a part that renders antd outside it brings the theme along, and checks
 * this first so that a themed page does not nest a second one.
 */
export const InTheme = createContext(false);
