import { z } from '@hono/zod-openapi';
import { Id, IsoDate, Timestamp } from './common.ts';

export const NotificationKind = z
  .enum(['assigned', 'returned', 'resubmitted', 'decided'])
  .openapi('NotificationKind');

export const Notification = z
  .object({
    id: z.number().int(),
    kind: NotificationKind,
    assessment: z.object({ id: Id, title: z.string() }),
    actor: z.object({ id: Id, name: z.string() }),
    detail: z.record(z.string(), z.unknown()),
    at: Timestamp,
    readAt: z.string().nullable(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof Notification>;

export const Inbox = z
  .object({ unread: z.number().int(), items: z.array(Notification) })
  .openapi('Inbox');
export type Inbox = z.infer<typeof Inbox>;

export const InboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const MarkReadBody = z
  .object({ ids: z.array(z.number().int()).max(1000).optional() })
  .openapi('MarkReadBody');

export const UnreadCount = z.object({ unread: z.number().int() }).openapi('UnreadCount');

export const AssessmentAuditQuery = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  /** YYYY-MM-DD, inclusive, in the service's time zone. */
  // A real calendar day: 2026-02-30 is a 400, not a date that breaks the query.
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AssessmentAuditQuery = z.infer<typeof AssessmentAuditQuery>;

/** Names the web imports. */
export const NotificationList = Inbox;
export type NotificationList = Inbox;

export const WebhookBody = z
  .object({
    /** https (or http for a local receiver); null removes the webhook. */
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    /** The shared secret bodies are signed with; at least 16 characters. */
    secret: z.string().min(16).max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.url !== null && !b.secret)
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: '请设置签名密钥（至少 16 个字符）',
      });
  })
  .openapi('WebhookBody');

export const WebhookView = z
  .object({
    url: z.string().nullable(),
    deliveries: z.array(
      z.object({
        id: z.number().int(),
        event: z.string(),
        state: z.enum(['pending', 'delivered', 'failed']),
        attempts: z.number().int(),
        nextAt: Timestamp,
        lastStatus: z.number().int().nullable(),
        lastError: z.string().nullable(),
        createdAt: Timestamp,
        deliveredAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('WebhookView');
