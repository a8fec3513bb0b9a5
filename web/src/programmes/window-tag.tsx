import { Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';

const COLOUR = { upcoming: 'default', open: 'green', closed: 'red' } as const;

/** Whether a call is open: a tag in words, never colour alone. */
export function WindowTag({ window }: { window: 'upcoming' | 'open' | 'closed' }) {
  const { t } = useLocale();
  return <Tag color={COLOUR[window]}>{t(`prog.window.${window}`)}</Tag>;
}
