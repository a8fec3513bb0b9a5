import { type DefinitionDiff, textOf } from '@zhiping/forms';
import { Alert, Descriptions, List, Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';

const show = (v: unknown): string =>
  v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** What changed between two versions, part by part; unchanged parts are left out. */
export function DefinitionDiffView({ diff }: { diff: DefinitionDiff }) {
  const { locale, t } = useLocale();
  const parts = [
    ['adm.diff.items', diff.items],
    ['adm.diff.sections', diff.sections],
    ['adm.diff.gates', diff.gates],
    ['adm.diff.tiers', diff.tiers],
  ] as const;
  const rows = parts.flatMap(([label, d]) => [
    ...d.added.map((x) => ({
      label,
      tag: 'added' as const,
      id: x.id,
      title: x.title,
      lines: [] as string[],
    })),
    ...d.removed.map((x) => ({
      label,
      tag: 'removed' as const,
      id: x.id,
      title: x.title,
      lines: [] as string[],
    })),
    ...d.changed.map((x) => ({
      label,
      tag: 'changed' as const,
      id: x.id,
      title: x.title,
      lines: x.changes.map((c) =>
        t('adm.diff.field', { field: c.field, from: show(c.from), to: show(c.to) }),
      ),
    })),
  ]);
  const cites = [
    ...diff.citations.added.map((c) => ({ tag: 'added' as const, c })),
    ...diff.citations.removed.map((c) => ({ tag: 'removed' as const, c })),
  ];
  const colour = { added: 'green', removed: 'red', changed: 'gold' } as const;
  if (rows.length === 0 && cites.length === 0)
    return <Alert type="info" showIcon title={t('adm.diff.none')} />;
  return (
    <>
      <Alert
        type={diff.scoringChanged ? 'warning' : 'info'}
        showIcon
        title={t(diff.scoringChanged ? 'adm.diff.scoring' : 'adm.diff.wording')}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        bordered
        dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <div>
              <Tag color={colour[r.tag]}>{t(`adm.diff.${r.tag}`)}</Tag>
              <span className="zp-muted zp-small">{t(r.label)}</span> <code>{r.id}</code>{' '}
              {textOf(r.title, locale)}
              {r.lines.map((l) => (
                <div key={l} className="zp-small zp-mono" style={{ wordBreak: 'break-all' }}>
                  {l}
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
      {cites.length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          title={t('adm.diff.citations')}
          style={{ marginTop: 12 }}
          items={cites.map(({ tag, c }, i) => ({
            key: String(i),
            label: (
              <>
                <Tag color={colour[tag]}>{t(`adm.diff.${tag}`)}</Tag>
                <code>{c.owner.id}</code>
              </>
            ),
            children: show(c.citation),
          }))}
        />
      ) : null}
    </>
  );
}
