import { z } from '@hono/zod-openapi';
import { Id, OrgKind, Role } from './common.ts';

const Email = z.string().trim().toLowerCase().email('请输入有效的邮箱地址').max(200);

export const LoginBody = z
  .object({ email: Email, password: z.string().min(1, '请输入密码').max(200) })
  .openapi('LoginBody');
export type LoginBody = z.infer<typeof LoginBody>;

export const Organisation = z
  .object({ id: Id, name: z.string(), kind: OrgKind, region: z.string().nullable() })
  .openapi('Organisation');
export type Organisation = z.infer<typeof Organisation>;

export const User = z
  .object({ id: Id, email: z.string(), name: z.string(), role: Role, organisation: Organisation })
  .openapi('User');
export type User = z.infer<typeof User>;

export const NewUserBody = z
  .object({
    email: Email,
    name: z.string().trim().min(1, '请填写姓名').max(100),
    role: Role,
    organisationId: Id,
    password: z.string().min(12, '密码至少 12 个字符').max(200).optional().openapi({
      description:
        '至少 12 个字符，不含邮箱或姓名，且不是常见或容易猜到的密码（zxcvbn 评分 ≥ 3；否则 422）。省略则账号为“已邀请”：用一次性链接设置密码',
    }),
  })
  .openapi('NewUserBody');
export type NewUserBody = z.infer<typeof NewUserBody>;
