import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotificationStore } from '@app/deadlines';
import { Clock, NotFoundError } from '@app/shared';
import { presentNotification } from '../../queries/list-notifications/list-notifications.handler';
import type { NotificationView } from '../../queries/list-notifications/list-notifications.query';
import { MarkAllNotificationsReadCommand, MarkNotificationReadCommand } from './mark-notification-read.command';

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(
    private readonly store: NotificationStore,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, notificationId }: MarkNotificationReadCommand): Promise<NotificationView> {
    // Another organisation's notification reads as unknown, like a case outside the viewer's jurisdiction.
    const read = await this.store.markRead(notificationId, { orgId: viewer.orgId, userId: viewer.userId, roles: viewer.roles }, this.clock.now());
    if (!read) throw new NotFoundError('Notification', '通知', notificationId);
    return presentNotification(read);
  }
}

@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(
    private readonly store: NotificationStore,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer }: MarkAllNotificationsReadCommand): Promise<{ marked: number }> {
    return { marked: await this.store.markAllRead({ orgId: viewer.orgId, userId: viewer.userId, roles: viewer.roles }, this.clock.now()) };
  }
}
