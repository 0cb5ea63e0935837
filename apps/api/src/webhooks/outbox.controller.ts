import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OUTBOX_MAX_ATTEMPTS, OutboxDispatcher, OutboxStore } from '@app/cases';
import { NotFoundError } from '@app/shared';
import { Roles } from '../auth/roles.decorator';
import { PageRequest } from './webhooks.requests';
import { OutboxMessageListResponse, OutboxReplayResponse } from './webhooks.responses';

/**
 * Messages between cases (a court's ruling back to the mediation case) that failed every attempt and are no longer
 * tried: beside the failed webhook deliveries, so an administrator sees everything the engine could not deliver.
 */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@ApiForbiddenResponse({ description: '只有系统管理员可以查看和重新投递' })
@Controller('admin/outbox')
export class AdminOutboxController {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  @Get('stuck')
  @ApiOperation({ summary: `Messages between cases that failed ${OUTBOX_MAX_ATTEMPTS} times and wait for an administrator, oldest first (滞留的案件间消息)` })
  @ApiOkResponse({ type: OutboxMessageListResponse })
  async stuck(@Query() q: PageRequest): Promise<OutboxMessageListResponse> {
    const { items, total } = await this.outbox.stuck(OUTBOX_MAX_ATTEMPTS, q.pageSize, (q.page - 1) * q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver every stuck message again, now (全部重新投递)' })
  @ApiOkResponse({ type: OutboxReplayResponse })
  async replayAll(): Promise<OutboxReplayResponse> {
    const replayed = await this.outbox.release('all-stuck', OUTBOX_MAX_ATTEMPTS);
    return { replayed, delivered: replayed.length ? await this.dispatcher.drain() : 0 };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver one stuck message again, now; it applies once, under its own idempotency key (重新投递)' })
  @ApiOkResponse({ type: OutboxReplayResponse })
  @ApiNotFoundResponse({ description: '没有这条滞留消息' })
  async replayOne(@Param('id') id: string): Promise<OutboxReplayResponse> {
    const replayed = await this.outbox.release([id], OUTBOX_MAX_ATTEMPTS);
    if (!replayed.length) throw new NotFoundError('Stuck outbox message', '滞留消息', id);
    return { replayed, delivered: await this.dispatcher.drain() };
  }
}
