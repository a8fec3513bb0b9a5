import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { request } from '../api/client.ts';
import { keys } from '../api/queries.ts';
import type { DefinitionSummary } from '../api/types.ts';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';

/** Publish a definition pasted as JSON; the server's checker lists every problem. */
export function PublishDefinition() {
  const t = useT();
  const queryClient = useQueryClient();
  const [json, setJson] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: (body: unknown) => request<DefinitionSummary>('POST', '/forms', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.forms }),
  });
  const onPublish = () => {
    try {
      const body: unknown = JSON.parse(json);
      setParseError(null);
      publish.mutate(body);
    } catch (e) {
      setParseError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="zp-section">
      <summary>{t('admin.publish')}</summary>
      <label htmlFor="publish-json" className="zp-sr-only">
        {t('admin.publish')}
      </label>
      <Input.TextArea
        id="publish-json"
        value={json}
        onChange={(e) => setJson(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 20 }}
        spellCheck={false}
        className="zp-mono"
      />
      {parseError ? <Alert type="error" title="JSON" description={parseError} /> : null}
      {publish.isError ? <ProblemAlert error={publish.error} /> : null}
      {publish.isSuccess ? <Alert type="success" title={publish.data.ref} /> : null}
      <Button onClick={onPublish} disabled={!json.trim()} loading={publish.isPending}>
        {t('admin.publish')}
      </Button>
    </details>
  );
}
