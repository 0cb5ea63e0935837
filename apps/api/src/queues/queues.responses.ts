import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KIND_LABELS } from '@app/deadlines';

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '（2026）枫源调字第3号' }) caseNo!: string;
  @ApiProperty({ description: '案件版本（即 ETag）' }) version!: number;
  @ApiProperty({ type: String, nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '王秀英（枫源村调解员）' }) assigneeName!: string | null;
}

class NextDeadlineDto {
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: '距届满的日数，逾期为负数' }) daysLeft!: number;
  @ApiProperty() legalBasis!: string;
}

class WorkflowRefDto {
  @ApiProperty({ example: 'pm' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: '人民调解' }) title!: string;
}

export class QueueCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ description: '案件版本' }) version!: number;
  @ApiProperty({ example: 'NEIGHBOUR' }) category!: string;
  @ApiProperty({ example: '邻里纠纷' }) categoryLabel!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() disputeCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() orgName!: string;
  @ApiProperty({ type: String, nullable: true }) originOrgName!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName!: string | null;
  @ApiProperty({ type: [String] }) partyNames!: string[];
  @ApiProperty({ type: String, nullable: true, example: '8000.00', description: '协议金额（元），调解协议记载时' }) agreementAmount!: string | null;
  @ApiProperty({ type: NextDeadlineDto, nullable: true }) nextDeadline!: NextDeadlineDto | null;
  @ApiProperty({ description: '有逾期的期限（已过期限仍在进行，或已标记逾期而案件仍在该环节）' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UnassignedCaseDto extends QueueCaseDto {
  @ApiProperty({ example: 'MEDIATOR', description: '承办人须具有的角色' }) assigneeRole!: string;
  @ApiProperty({ description: '本人可以认领' }) canClaim!: boolean;
  @ApiProperty({ description: '本人可以分配' }) canAssign!: boolean;
}

export class UnassignedCasePageResponse {
  @ApiProperty({ type: [UnassignedCaseDto] }) items!: UnassignedCaseDto[];
  @ApiProperty({ description: '计数至 1000 件为止（或至所请求的页末）' }) total!: number;
  @ApiProperty({ description: '超过 total 仍有（显示为 1000+）' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class EscalatedCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
}

class OrgRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class EscalatedDeadlineDto {
  @ApiProperty({ format: 'uuid' }) deadlineId!: string;
  @ApiProperty({ example: '调解期限（一个月）' }) label!: string;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: '自届满之日起已逾期的日数' }) daysOverdue!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '督办通知发出的时间' }) escalatedAt!: string | null;
  @ApiProperty({ type: EscalatedCaseDto }) case!: EscalatedCaseDto;
  @ApiProperty({ type: OrgRefDto, description: '承办单位' }) org!: OrgRefDto;
}

export class EscalatedDeadlinePageResponse {
  @ApiProperty({ type: [EscalatedDeadlineDto] }) items!: EscalatedDeadlineDto[];
  @ApiProperty({ description: '计数至 1000 件为止（或至所请求的页末）' }) total!: number;
  @ApiProperty({ description: '超过 total 仍有（显示为 1000+）' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class NotificationRoleDto {
  @ApiProperty({ example: 'COMMITTEE_DIRECTOR' }) code!: string;
  @ApiProperty({ example: '调委会主任' }) label!: string;
}

class NotificationCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNo!: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.keys(NOTIFICATION_KIND_LABELS) }) kind!: string;
  @ApiProperty({ example: '期限提醒' }) kindLabel!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: NotificationCaseDto }) case!: NotificationCaseDto;
  @ApiProperty({ type: String, nullable: true }) deadlineId!: string | null;
  @ApiProperty() orgId!: string;
  @ApiProperty({ description: 'true：发给本人（案件分配给您）；false：发给本单位或本单位的某些角色' }) personal!: boolean;
  @ApiProperty({ type: [NotificationRoleDto], description: '发给本单位的哪些角色（如调委会主任），每人各自已读；发给本人或全单位时为空' }) roles!: NotificationRoleDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnreadCountResponse {
  @ApiProperty({ description: '未读通知数' }) unread!: number;
}

export class MarkAllReadResponse {
  @ApiProperty({ description: '本次标记为已读的通知数' }) marked!: number;
}
