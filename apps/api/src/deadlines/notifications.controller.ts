import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery, MarkNotificationReadCommand } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
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
  @ApiOperation({ summary: 'Reminders and escalations addressed to the caller’s organisation, newest first (本单位的提醒与督办)' })
  list(@CurrentViewer() viewer: Viewer, @Query() q: ListNotificationsRequest) {
    return this.queries.execute(new ListNotificationsQuery(viewer, { unreadOnly: q.unread === true, page: q.page, pageSize: q.pageSize }));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (标记已读)' })
  read(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError('Notification', '通知', id);
    return this.commands.execute(new MarkNotificationReadCommand(viewer, id.toLowerCase()));
  }
}
