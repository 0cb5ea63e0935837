import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newWebhookSecret, WebhookDispatcher, WebhookStore, type WebhookRunReport, type WebhookSubscription } from '@app/cases';
import { DirectoryService, type Viewer } from '@app/organisations';
import { Clock, ConflictError, NotFoundError, ValidationError, type FieldError } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateWebhookRequest, ListDeliveriesRequest, UpdateWebhookRequest } from './webhooks.requests';
import {
  CreatedWebhookSubscriptionResponse,
  ReplayResponse,
  WebhookDeliveryListResponse,
  WebhookDeliveryResponse,
  WebhookRunResponse,
  WebhookSubscriptionListResponse,
  WebhookSubscriptionResponse,
} from './webhooks.responses';

const BAD_INPUT = '输入有误（RFC 7807，errors 列出每个字段）';
const ADMIN_ONLY = '只有系统管理员可以管理推送订阅';
/** Entries the engine writes itself, besides the workflows' events. */
const ENGINE_ENTRIES = ['OPEN', 'MIGRATE', 'DEADLINE_PAUSED', 'DEADLINE_RESUMED', 'DEADLINE_EXTENDED', 'TEAM_MEMBER_ADDED', 'TEAM_MEMBER_REMOVED'];

/**
 * Subscriptions of other systems to case events, and the deliveries made to them (docs/webhooks.md). The secret is
 * returned once, when the subscription is created: later answers never carry it.
 */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@ApiForbiddenResponse({ description: ADMIN_ONLY })
@Controller('admin/webhooks')
export class AdminWebhooksController {
  constructor(
    private readonly store: WebhookStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly directory: DirectoryService,
    private readonly registry: WorkflowRegistry,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription, without secrets (推送订阅列表)' })
  @ApiOkResponse({ type: WebhookSubscriptionListResponse })
  async list(): Promise<WebhookSubscriptionListResponse> {
    return { items: await this.store.subscriptions() };
  }

  @Post()
  @ApiOperation({ summary: 'Subscribe a system to case events by workflow, organisation and event type; the answer shows the signing secret once (新建推送订阅)' })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionResponse })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  async create(@CurrentViewer() viewer: Viewer, @Body() body: CreateWebhookRequest): Promise<CreatedWebhookSubscriptionResponse> {
    await this.checkFilters(body);
    const now = this.clock.now().toISOString();
    const subscription = {
      id: randomUUID(),
      name: body.name,
      url: body.url,
      workflowIds: body.workflowIds ?? [],
      orgIds: body.orgIds ?? [],
      includeSubOrgs: body.includeSubOrgs ?? false,
      eventTypes: body.eventTypes ?? [],
      active: true,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
      secret: newWebhookSecret(),
    };
    await this.store.createSubscription(subscription);
    this.dispatcher.subscriptionsChanged();
    return subscription;
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Deliveries, newest first, filtered by state (failed: retries used up) and subscription (推送记录)' })
  @ApiOkResponse({ type: WebhookDeliveryListResponse })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  async deliveries(@Query() q: ListDeliveriesRequest): Promise<WebhookDeliveryListResponse> {
    const { items, total } = await this.store.deliveries({ state: q.state, subscriptionId: q.subscriptionId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Post('deliveries/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send every failed delivery again, each with its own Webhook-Id and a fresh count of attempts (全部重新投递)' })
  @ApiOkResponse({ type: ReplayResponse })
  async replayAll(): Promise<ReplayResponse> {
    return this.replayed(await this.store.replay('all-failed', this.clock.now()));
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send one failed delivery again, with the same Webhook-Id (重新投递)' })
  @ApiOkResponse({ type: ReplayResponse })
  @ApiNotFoundResponse({ description: '推送记录不存在' })
  @ApiConflictResponse({ description: '只有投递失败的记录可以重新投递' })
  async replayOne(@Param('id') id: string): Promise<ReplayResponse> {
    const delivery = await this.store.delivery(id);
    if (!delivery) throw new NotFoundError('Webhook delivery', '推送记录', id);
    const replayed = await this.store.replay([id], this.clock.now());
    if (!replayed.length) throw new ConflictError(`Delivery ${id} is ${delivery.state}: only failed deliveries are replayed`, '只有投递失败的记录可以重新投递', { state: delivery.state });
    return this.replayed(replayed);
  }

  @Get('deliveries/:id')
  @ApiOperation({ summary: 'One delivery with its payload, attempts and last error (推送记录详情)' })
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ description: '推送记录不存在' })
  async delivery(@Param('id') id: string): Promise<WebhookDeliveryResponse> {
    const delivery = await this.store.delivery(id);
    if (!delivery) throw new NotFoundError('Webhook delivery', '推送记录', id);
    return delivery;
  }

  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fan committed case events out and attempt every delivery due, now, and report what was done (立即推送)' })
  @ApiOkResponse({ type: WebhookRunResponse })
  run(): Promise<WebhookRunReport> {
    return this.dispatcher.run();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription, without its secret (推送订阅详情)' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse })
  @ApiNotFoundResponse({ description: '推送订阅不存在' })
  async get(@Param('id') id: string): Promise<WebhookSubscription> {
    const subscription = await this.store.subscription(id);
    if (!subscription) throw new NotFoundError('Webhook subscription', '推送订阅', id);
    return subscription;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a subscription: name, address, filters, or pause and resume it (修改、停用推送订阅)' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiNotFoundResponse({ description: '推送订阅不存在' })
  async update(@Param('id') id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookSubscription> {
    await this.checkFilters(body);
    const updated = await this.store.updateSubscription(id, body, this.clock.now());
    if (!updated) throw new NotFoundError('Webhook subscription', '推送订阅', id);
    this.dispatcher.subscriptionsChanged();
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its deliveries (删除推送订阅)' })
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse({ description: '推送订阅不存在' })
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.store.deleteSubscription(id))) throw new NotFoundError('Webhook subscription', '推送订阅', id);
    this.dispatcher.subscriptionsChanged();
  }

  private replayed(ids: string[]): ReplayResponse {
    // The receiver may be slow: the answer does not wait for the attempts, which the delivery list shows.
    if (ids.length) void this.dispatcher.run().catch(() => undefined);
    return { replayed: ids };
  }

  /** Filters must name what exists, or a subscription would silently never match. */
  private async checkFilters(body: { workflowIds?: string[]; orgIds?: string[]; eventTypes?: string[] }): Promise<void> {
    const errors: FieldError[] = [];
    const unknownWorkflows = (body.workflowIds ?? []).filter((id) => !this.registry.has(id));
    if (unknownWorkflows.length) errors.push({ field: 'workflowIds', message: `names no registered workflow: ${unknownWorkflows.join(', ')}`, messageZh: `流程不存在：${unknownWorkflows.join('、')}` });
    const directory = await this.directory.current();
    const unknownOrgs = (body.orgIds ?? []).filter((id) => !directory.org(id));
    if (unknownOrgs.length) errors.push({ field: 'orgIds', message: `names no organisation: ${unknownOrgs.join(', ')}`, messageZh: `单位不存在：${unknownOrgs.join('、')}` });
    const workflows = body.workflowIds?.length && !unknownWorkflows.length ? body.workflowIds.map((id) => this.registry.latest(id)) : this.registry.list();
    const known = new Set([...ENGINE_ENTRIES, ...workflows.flatMap((w) => Object.keys(w.events))]);
    const unknownEvents = (body.eventTypes ?? []).filter((type) => !known.has(type));
    if (unknownEvents.length) errors.push({ field: 'eventTypes', message: `names no event of the chosen workflows: ${unknownEvents.join(', ')}`, messageZh: `所选流程没有这些事件：${unknownEvents.join('、')}` });
    if (errors.length) throw new ValidationError(errors);
  }
}
