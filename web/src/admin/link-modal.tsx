import type { OneTimeLink } from '@zhiping/api/contract';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import { formatTime } from '../shared/text.ts';

/** A one-time link, shown once, with a copy button: the server keeps only its digest. */
export function LinkModal({
  link,
  name,
  onClose,
}: {
  link: OneTimeLink | null;
  name: string;
  onClose: () => void;
}) {
  const { locale, t } = useLocale();
  const [copied, setCopied] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <Modal
      open={link !== null}
      title={t('adm.linkTitle')}
      onCancel={onClose}
      afterOpenChange={(o) => o || setCopied(false)}
      footer={<Button onClick={onClose}>{t('app.back')}</Button>}
    >
      {link ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            {t('adm.linkIntro', { name, time: formatTime(link.expiresAt, locale) })}
          </Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={url}
              aria-label={t('adm.linkTitle')}
              data-testid="one-time-link"
            />
            <Button
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true));
              }}
            >
              {copied ? t('adm.copied') : t('adm.copy')}
            </Button>
          </Space.Compact>
        </Space>
      ) : null}
    </Modal>
  );
}
