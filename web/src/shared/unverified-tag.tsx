import { Tag, Tooltip } from 'antd';
import { AntdTheme } from '../app/antd-theme.tsx';
import { useT } from '../i18n/locale.tsx';

/**
 * 待确认: a criterion or clause not yet checked against its source. Focusable
 * so keyboard users get the tip too, and labelled with it for screen readers.
 * The questionnaire shows it outside antd's theme, so it brings the theme.
 */
export function UnverifiedTag() {
  const t = useT();
  const tip = t('q.unverifiedTip');
  return (
    <AntdTheme>
      <Tooltip title={tip} trigger={['hover', 'focus']}>
        <Tag color="gold" tabIndex={0} aria-label={`${t('unverified')}${t('app.colon')}${tip}`}>
          {t('unverified')}
        </Tag>
      </Tooltip>
    </AntdTheme>
  );
}
