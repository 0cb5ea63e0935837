import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shapes of the webhook administration answers. */

export class WebhookSubscriptionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '枫桥区人民法院诉调对接平台' }) name!: string;
  @ApiProperty({ example: 'https://court.example.gov.cn/fengqiao/events' }) url!: string;
  @ApiProperty({ type: [String] }) workflowIds!: string[];
  @ApiProperty({ type: [String] }) orgIds!: string[];
  @ApiProperty() includeSubOrgs!: boolean;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedWebhookSubscriptionResponse extends WebhookSubscriptionResponse {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: '签名密钥，仅在创建时返回一次，请妥善保存' })
  secret!: string;
}

export class WebhookSubscriptionListResponse {
  @ApiProperty({ type: [WebhookSubscriptionResponse] }) items!: WebhookSubscriptionResponse[];
}

class WebhookEventData {
  @ApiProperty() caseId!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: String, nullable: true }) fromState!: string | null;
  @ApiProperty() toState!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class WebhookPayloadResponse {
  @ApiProperty({ enum: ['case.event'] }) type!: 'case.event';
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ type: WebhookEventData }) data!: WebhookEventData;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ description: 'Webhook-Id：重新投递时不变，接收方据此去重' }) id!: string;
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: WebhookPayloadResponse }) payload!: WebhookPayloadResponse;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) state!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class WebhookDeliveryListResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items!: WebhookDeliveryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ReplayResponse {
  @ApiProperty({ type: [String], description: '重新排队投递的编号' }) replayed!: string[];
}

export class WebhookRunResponse {
  @ApiProperty({ description: '转为投递的案件事件数' }) fannedOut!: number;
  @ApiProperty({ description: '本次尝试投递的次数' }) attempted!: number;
  @ApiProperty({ description: '其中接收方确认收到的次数' }) delivered!: number;
}

export class OutboxMessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() targetCaseId!: string;
  @ApiProperty() sourceCaseId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
}

export class OutboxMessageListResponse {
  @ApiProperty({ type: [OutboxMessageResponse] }) items!: OutboxMessageResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class OutboxReplayResponse {
  @ApiProperty({ type: [String], description: '重新投递的消息编号' }) replayed!: string[];
  @ApiProperty({ description: '本次送达的消息数（含其他待送消息）' }) delivered!: number;
}
