import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { adminApi } from './admin-api.ts';

interface Values {
  password: string;
  repeat: string;
}

/**
 * The holder of a one-time link (invite or reset) chooses a password; the
 * server checks the password policy and spends the link. No session needed.
 */
export default function WelcomePage() {
  const t = useT();
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['link', token],
    queryFn: () => adminApi.linkInfo(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const set = useMutation({ mutationFn: (p: string) => adminApi.setPassword(token, p) });
  return (
    <main id="main" className="zp-login">
      <Card title={t('welcome.title')} style={{ maxWidth: 440, margin: '48px auto' }}>
        {info.isPending ? <Loading /> : null}
        {info.isError ? <ProblemAlert error={info.error} /> : null}
        {set.isSuccess ? (
          <Alert
            type="success"
            showIcon
            title={t('welcome.done')}
            action={<Link to="/login">{t('welcome.toLogin')}</Link>}
          />
        ) : info.data ? (
          <>
            <Typography.Paragraph>
              {t(info.data.purpose === 'invite' ? 'welcome.invite' : 'welcome.reset', {
                name: info.data.name,
                email: info.data.email,
              })}
            </Typography.Paragraph>
            <Form<Values> layout="vertical" onFinish={(v) => set.mutate(v.password)}>
              <input
                type="hidden"
                name="username"
                autoComplete="username"
                value={info.data.email}
              />
              <Form.Item
                name="password"
                label={t('welcome.password')}
                extra={t('welcome.rules')}
                rules={[{ required: true, min: 12, message: t('welcome.rules') }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="repeat"
                label={t('welcome.repeat')}
                dependencies={['password']}
                rules={[
                  { required: true, message: t('welcome.mismatch') },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !v || v === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('welcome.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              {set.isError ? <ProblemAlert error={set.error} /> : null}
              <Button type="primary" htmlType="submit" loading={set.isPending} block>
                {t('welcome.submit')}
              </Button>
            </Form>
          </>
        ) : null}
      </Card>
    </main>
  );
}
