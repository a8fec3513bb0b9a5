import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Input } from '../app/antd-theme.tsx';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { reviewApi } from './review-api.ts';
import type { ThreadEntry } from './types.ts';

/** The respondent's answer to the reviewer's comment on one item (sent on 回复; shown to the reviewer next round). */
export function ReplyBox({
  assessmentId,
  item,
  reply,
  idBase,
}: {
  assessmentId: string;
  item: string;
  reply: ThreadEntry;
  idBase: string;
}) {
  const t = useT();
  const [text, setText] = useState(reply.reply?.text ?? '');
  const send = useMutation({ mutationFn: () => reviewApi.reply(assessmentId, item, text.trim()) });
  return (
    <div className="zp-reply">
      <div className="zp-review-comment">
        <strong>{t('review.commentOfRound', { round: reply.round })}</strong>
        {t('app.colon')}
        <span>{reply.comment}</span>
      </div>
      <label htmlFor={`${idBase}-reply`}>{t('review.yourReply')}</label>
      <Input.TextArea
        id={`${idBase}-reply`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 1, maxRows: 5 }}
        maxLength={2000}
      />
      <div className="zp-actions">
        <Button
          autoInsertSpace={false}
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={!text.trim() || send.isPending}
        >
          {t('review.sendReply')}
        </Button>
        {send.isSuccess ? (
          <span className="zp-muted" role="status">
            {t('review.replySent')}
          </span>
        ) : null}
      </div>
      {send.isError ? <ProblemAlert error={send.error} /> : null}
    </div>
  );
}
