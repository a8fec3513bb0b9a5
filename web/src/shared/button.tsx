import type { ButtonHTMLAttributes } from 'react';

/*
 * A native button drawn like antd's (styles.css, `.zp-btn`), for what the
 * questionnaire shows on its first paint — previous/next, retry a save — and
 * the header: antd's Button needs antd's style engine and theme, about 50 KB
 * gzip that the questionnaire's first paint can do without (app/antd-theme.tsx).
 * Only what those places use: the default, primary and link looks, small.
 */
interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  type?: 'default' | 'primary' | 'link';
  size?: 'middle' | 'small';
  htmlType?: 'button' | 'submit';
}

export function Button({ type = 'default', size, htmlType = 'button', className, ...rest }: Props) {
  const classes = ['zp-btn', `zp-btn-${type}`, size === 'small' ? 'zp-btn-sm' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button {...rest} type={htmlType} className={classes} />;
}
