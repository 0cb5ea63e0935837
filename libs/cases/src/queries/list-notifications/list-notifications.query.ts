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
  /** Addressed to the reader in person (a case assigned to them) rather than to their organisation. */
  personal: boolean;
  /** The roles it is for in the organisation (调委会主任, 立案庭书记员 …), each holder reading it for themselves; empty when it is for a person or the whole organisation. */
  roles: { code: string; label: string }[];
  createdAt: string;
  /** Whether the reader has read it: their own reading of one for their role, the organisation's of one for all of it. */
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

/** The notifications addressed to the viewer, to one of their roles in their organisation, and to all of it, newest first. */
export class ListNotificationsQuery extends Query<NotificationListView> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: { unreadOnly: boolean; page: number; pageSize: number },
  ) {
    super();
  }
}

/** How many of the viewer's notifications are unread (the console's bell). */
export class CountUnreadNotificationsQuery extends Query<{ unread: number }> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
