import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_KIND_LABELS, NotificationStore, type NotificationWithCase } from '@app/deadlines';
import { ListNotificationsQuery, type NotificationListView, type NotificationView } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly store: NotificationStore) {}

  async execute({ viewer, filters }: ListNotificationsQuery): Promise<NotificationListView> {
    const page = await this.store.list(viewer.orgId, filters);
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
    createdAt: n.createdAt,
    read: n.readAt !== null,
    readAt: n.readAt,
  };
}
