import { Query } from '@nestjs/cqrs';
import type { NotificationKind } from '@app/deadlines';
import type { Viewer } from '@app/organisations';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  kindLabel: string;
  message: string;
  case: { id: string; caseNo: string };
  deadlineId: string | null;
  orgId: string;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export interface NotificationListView {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** The reminders and escalations addressed to the viewer's organisation, newest first. */
export class ListNotificationsQuery extends Query<NotificationListView> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: { unreadOnly: boolean; page: number; pageSize: number },
  ) {
    super();
  }
}
