import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client.ts';
import type { NotificationList } from '../review/types.ts';

export const notificationsApi = {
  list: (unread = false) =>
    request<NotificationList>('GET', `/notifications${unread ? '?unread=true' : ''}`),
  read: (ids?: number[]) =>
    request<{ unread: number }>('POST', '/notifications/read', ids ? { ids } : {}),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** The unread count for the header: polled once a minute, and refreshed on focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await notificationsApi.list(true)).unread,
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
