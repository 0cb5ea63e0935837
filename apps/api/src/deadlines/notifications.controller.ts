import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CountUnreadNotificationsQuery, ListNotificationsQuery, MarkAllNotificationsReadCommand, MarkNotificationReadCommand } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { MarkAllReadResponse, NotificationDto, NotificationPageResponse, UnreadCountResponse } from '../queues/queues.responses';
import { ListNotificationsRequest } from './deadline.requests';

@ApiTags('notifications 提醒与督办')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Reminders, escalations, transfers and assignments addressed to the caller’s organisation or to the caller, newest first (我的通知)' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(@CurrentViewer() viewer: Viewer, @Query() q: ListNotificationsRequest) {
    return this.queries.execute(new ListNotificationsQuery(viewer, { unreadOnly: q.unread === true, page: q.page, pageSize: q.pageSize }));
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread, for the console’s bell (未读数)' })
  @ApiOkResponse({ type: UnreadCountResponse })
  unreadCount(@CurrentViewer() viewer: Viewer) {
    return this.queries.execute(new CountUnreadNotificationsQuery(viewer));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every unread notification of the caller read (全部标记已读)' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  readAll(@CurrentViewer() viewer: Viewer) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(viewer));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (标记已读)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: '通知不存在或不是发给本人或本单位的' })
  read(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError('Notification', '通知', id);
    return this.commands.execute(new MarkNotificationReadCommand(viewer, id.toLowerCase()));
  }
}
