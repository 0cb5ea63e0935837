import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE } from './problem-details.schema';

export const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };

/** The error statuses of a route beyond the ones every route of its kind can give (see openapi-document.ts). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem details', content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } } })));
}

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: '请求内容有误（字段级错误见 errors） / Invalid request',
  401: '未登录或登录已失效 / Not authenticated',
  403: '无权进行此操作 / Forbidden for this role',
  404: '未找到，或不在本人辖区 / Not found or outside the caller\'s jurisdiction',
  409: '当前状态不允许此操作 / Conflict with the current state',
  410: '已失效 / Gone',
  412: '案件已被他人更新（If-Match 不符） / Precondition failed',
  413: '提交的内容过大 / Payload too large',
  415: '不支持的内容类型 / Unsupported media type',
  422: '同一 Idempotency-Key 用于不同请求 / Idempotency key reused',
  429: '请求过于频繁（Retry-After） / Too many requests',
  503: '服务暂不可用 / Service unavailable',
};
