import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { NotificationView } from '../../queries/list-notifications/list-notifications.query';

/** Acknowledge a notification addressed to the viewer's organisation. */
export class MarkNotificationReadCommand extends Command<NotificationView> {
  constructor(
    readonly viewer: Viewer,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** Acknowledge every unread notification the viewer sees. */
export class MarkAllNotificationsReadCommand extends Command<{ marked: number }> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
