import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_KIND_LABELS, NotificationStore, type NotificationWithCase } from '@app/deadlines';
import { ROLE_LABELS } from '@app/workflow';
import { CountUnreadNotificationsQuery, ListNotificationsQuery, type NotificationListView, type NotificationView } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly store: NotificationStore) {}

  async execute({ viewer, filters }: ListNotificationsQuery): Promise<NotificationListView> {
    const page = await this.store.list({ orgId: viewer.orgId, userId: viewer.userId, roles: viewer.roles }, filters);
    return { items: page.items.map(presentNotification), total: page.total, unread: page.unread, page: filters.page, pageSize: filters.pageSize };
  }
}

export function presentNotification(n: NotificationWithCase): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[n.kind],
    message: n.message,
    case: { id: n.caseId, caseNo: n.caseNo },
    deadlineId: n.deadlineId,
    orgId: n.orgId,
    personal: !!n.userId,
    roles: (n.roles ?? []).map((code) => ({ code, label: ROLE_LABELS[code] ?? code })),
    createdAt: n.createdAt,
    read: n.readAt !== null,
    readAt: n.readAt,
  };
}

@QueryHandler(CountUnreadNotificationsQuery)
export class CountUnreadNotificationsHandler implements IQueryHandler<CountUnreadNotificationsQuery> {
  constructor(private readonly store: NotificationStore) {}

  async execute({ viewer }: CountUnreadNotificationsQuery): Promise<{ unread: number }> {
    return { unread: await this.store.unreadCount({ orgId: viewer.orgId, userId: viewer.userId, roles: viewer.roles }) };
  }
}
