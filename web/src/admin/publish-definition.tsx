import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DefinitionSummary } from '@zhiping/api/contract';
import { textOf } from '@zhiping/forms';
import { Alert, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, request } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { keys } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { type Checked, checkSource, type Shown, serverProblems } from './check-source.ts';
import { DefinitionPreview } from './definition-preview.tsx';

/** Publish from an uploaded YAML or JSON file: checked and previewable before it is sent. */
export function PublishDefinition() {
  const { locale, t } = useLocale();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fileName, setFileName] = useState('');
  const [readError, setReadError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const publish = useMutation({
    mutationFn: (body: unknown) => request<DefinitionSummary>('POST', '/forms', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.forms }),
  });
  const onFile = async (file: File | undefined) => {
    publish.reset();
    setChecked(null);
    setReadError(null);
    if (!file) return;
    setFileName(file.name);
    try {
      setChecked(await checkSource(await file.text(), api.form));
    } catch (e) {
      setReadError(e);
    }
  };
  // The server checks again (it knows the source catalogue): its problems point at lines too.
  const fromServer: Shown[] =
    checked && publish.error instanceof ApiError && publish.error.status === 422
      ? serverProblems(publish.error.problem.errors ?? [], checked.source)
      : [];
  const problems = [...(checked?.problems ?? []), ...fromServer];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const def = checked?.definition ?? null;
  return (
    <section className="zp-section" aria-labelledby="publish-title">
      <Typography.Title level={4} id="publish-title">
        {t('adm.publishTitle')}
      </Typography.Title>
      <Typography.Paragraph className="zp-muted">{t('adm.publishIntro')}</Typography.Paragraph>
      <input
        ref={fileInput}
        id="definition-file"
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        className="zp-sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
        {t('adm.upload')}
      </Button>{' '}
      <span className="zp-muted">{fileName}</span>
      {readError ? <ProblemAlert error={readError} /> : null}
      {errors.length > 0 ? (
        <ProblemList title={t('adm.problems', { n: errors.length })} rows={errors} type="error" />
      ) : null}
      {warnings.length > 0 ? (
        <ProblemList
          title={t('adm.warnings', { n: warnings.length })}
          rows={warnings}
          type="warning"
        />
      ) : null}
      {checked?.extendsRef ? (
        <Alert type="info" title={t('adm.overlayBase', { base: checked.extendsRef })} />
      ) : null}
      {def && errors.length === 0 ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Alert
            type="success"
            showIcon
            title={t('adm.checked', {
              title: textOf(def.title, locale),
              ref: `${def.id}@${def.version}`,
              items: def.sections.reduce((n, s) => n + countItems(s), 0),
            })}
          />
          <Space wrap>
            <Button onClick={() => setPreviewing(true)}>{t('adm.preview')}</Button>
            <Button
              type="primary"
              loading={publish.isPending}
              disabled={publish.isSuccess}
              onClick={() => publish.mutate(checked?.data)}
            >
              {t('adm.publishNow')}
            </Button>
          </Space>
        </Space>
      ) : null}
      {publish.isError && fromServer.length === 0 ? <ProblemAlert error={publish.error} /> : null}
      {publish.isSuccess ? (
        <Alert type="success" showIcon title={t('adm.published', { ref: publish.data.ref })} />
      ) : null}
      <Drawer
        open={previewing && def !== null}
        onClose={() => setPreviewing(false)}
        title={def ? `${t('adm.preview')}：${textOf(def.title, locale)}` : ''}
        size="large"
        destroyOnHidden
      >
        <Alert type="info" title={t('adm.previewNote')} style={{ marginBottom: 12 }} />
        {def ? <DefinitionPreview definition={def} /> : null}
      </Drawer>
    </section>
  );
}

type Sectioned = { items: unknown[]; sections: Sectioned[] };
const countItems = (s: Sectioned): number =>
  s.items.length + s.sections.reduce((n, c) => n + countItems(c), 0);

function ProblemList({
  title,
  rows,
  type,
}: {
  title: string;
  rows: Shown[];
  type: 'error' | 'warning';
}) {
  const t = useLocale().t;
  return (
    <Alert
      type={type}
      role={type === 'error' ? 'alert' : undefined}
      title={title}
      style={{ marginTop: 12 }}
      description={
        <List
          size="small"
          dataSource={rows}
          renderItem={(p) => (
            <List.Item>
              <span>
                <Tag>{p.line ? t('adm.line', { n: p.line }) : t('adm.noLine')}</Tag>
                {p.text} <code className="zp-small">{p.where}</code>
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
