import { memo } from 'react';
import { Tag } from '../app/antd-theme.tsx';

/**
 * A hidden instance of the one antd component questions still use (the 待确认
 * tag), mounted for as long as the questionnaire is. antd generates a
 * component's CSS when its first instance mounts and drops it when the last
 * unmounts; when an answer hides the only unverified question on a step and
 * then shows it again, that costs a style rebuild and a whole-page style
 * recalculation. Keeping one instance alive keeps the styles cached.
 */
export const StyleKeeper = memo(function StyleKeeper() {
  return (
    <div hidden aria-hidden="true">
      <Tag>·</Tag>
    </div>
  );
});
