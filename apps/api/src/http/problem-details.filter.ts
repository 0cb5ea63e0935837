import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentTooLargeError, TransitionNotAllowedError, VersionConflictError } from '@app/cases';
import { LoginLockedError } from '@app/organisations';
import { SessionEndedError } from '@app/organisations';
import { DomainError, ValidationError } from '@app/shared';
import { SurveyRateLimitedError } from '@app/subsidy';
import { SubsidyIneligibleError } from '@app/subsidy';

interface Problem {
  type: string;
  title: string;
  titleEn: string;
  status: number;
  detail: string;
  detailEn: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

const STATUS_BY_CODE: Record<string, number> = {
  'VALIDATION.FAILED': 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  'WORKFLOW.NOT_FOUND': 404,
  'CASE.TRANSITION_NOT_ALLOWED': 409,
  CONFLICT: 409,
  'SUBSIDY.INELIGIBLE': 409,
  'SUBSIDY.CAP_REACHED': 409,
  'WORKFLOW.VERSION_MISMATCH': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'AUTH.TOO_MANY_ATTEMPTS': 429,
  'SURVEY.LINK_USED': 409,
  'SURVEY.LINK_EXPIRED': 410,
  'SURVEY.TOO_MANY_REQUESTS': 429,
  'ATTACHMENT.TOO_LARGE': 413,
  'ATTACHMENT.TAMPERED': 409,
};

const TITLES: Record<number, [string, string]> = {
  400: ['请求内容有误', 'Invalid request'],
  401: ['未登录或登录已失效', 'Not authenticated'],
  403: ['无权进行此操作', 'Forbidden'],
  404: ['未找到', 'Not found'],
  409: ['当前状态不允许此操作', 'Conflict with the current state'],
  410: ['已失效', 'Gone'],
  412: ['案件已被他人更新', 'Precondition failed: the case changed'],
  413: ['提交的内容过大', 'Payload too large'],
  414: ['请求地址过长', 'URI too long'],
  415: ['不支持的内容类型', 'Unsupported media type'],
  422: ['请求无法处理', 'Unprocessable request'],
  429: ['请求过于频繁', 'Too many requests'],
  500: ['系统内部错误', 'Internal server error'],
  503: ['服务暂不可用', 'Service unavailable'],
};

/**
 * The one place errors become HTTP: domain errors map by code, framework errors by status, anything else is a 500
 * that is logged and told to the caller without internals. Bodies are RFC 7807 problem details in Chinese and English.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = this.toProblem(error);
    problem.instance = request.url;
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof LoginLockedError || error instanceof SurveyRateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof DomainError) return this.fromDomain(error);
    if (error instanceof HttpException) return this.fromHttp(error);
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      // Fastify's own errors: malformed JSON, body too large, wrong content type.
      return problem(e.statusCode, e.code ?? 'HTTP', fastifyZh(e.statusCode), e.message ?? '');
    }
    return problem(500, 'INTERNAL', '系统内部错误，请稍后重试；如持续出现请联系管理员', 'Internal server error');
  }

  private fromDomain(error: DomainError): Problem {
    if (error instanceof VersionConflictError) {
      const status = error.ifMatch ? 412 : 409;
      return { ...problem(status, error.code, error.messageZh, error.message), currentVersion: error.actual ?? null };
    }
    const status = STATUS_BY_CODE[error.code] ?? 400;
    const base = problem(status, error.code, error.messageZh, error.message);
    if (error instanceof ValidationError) return { ...base, errors: error.errors };
    if (error instanceof SubsidyIneligibleError) return { ...base, reasons: error.reasons };
    if (error instanceof LoginLockedError) return { ...base, retryAfterSeconds: error.retryAfterSeconds };
    if (error instanceof SessionEndedError) return { ...base, reason: error.reason };
    if (error instanceof AttachmentTooLargeError) return { ...base, maxBytes: error.maxBytes };
    if (error instanceof TransitionNotAllowedError) {
      return {
        ...base,
        state: error.state,
        stateLabel: error.stateLabel,
        event: error.eventType,
        allowed: error.allowed.map((a) => a.type),
        allowedEvents: error.allowed,
        violations: error.violations,
      };
    }
    return base;
  }

  private fromHttp(error: HttpException): Problem {
    const status = error.getStatus();
    if (status === HttpStatus.NOT_FOUND) return problem(404, 'NOT_FOUND', '请求的地址不存在', error.message);
    return problem(status, `HTTP_${status}`, TITLES[status]?.[0] ?? '请求失败', error.message);
  }
}

/**
 * Fastify's router refuses some URLs before any route (and so this filter) sees them: a malformed percent-encoding
 * (400) or a path parameter past its length limit (414). They get problem documents too.
 */
export function sendRouterProblem(error: { statusCode?: number; code?: string; message: string }, url: string, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const zh = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '地址中的参数过长' : '地址格式不正确（含有无效的百分号编码）';
  const body = { ...problem(status, error.code ?? 'HTTP', zh, error.message), instance: url };
  reply.code(status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

/** A problem document sent from a Fastify hook, before any route (and so this filter) runs: shutdown, metrics access. */
export function sendHookProblem(reply: FastifyReply, status: number, code: string, detailZh: string, detailEn: string, url: string): void {
  reply.code(status).header('content-type', 'application/problem+json; charset=utf-8').send({ ...problem(status, code, detailZh, detailEn), instance: url });
}

function problem(status: number, code: string, detail: string, detailEn: string): Problem {
  const [title, titleEn] = TITLES[status] ?? ['请求失败', 'Request failed'];
  return { type: `https://fengqiao.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`, title, titleEn, status, detail, detailEn, code };
}

function fastifyZh(status: number): string {
  if (status === 400) return '请求体不是有效的 JSON';
  if (status === 413) return '提交的内容过大';
  if (status === 415) return '请以 application/json 格式提交';
  return TITLES[status]?.[0] ?? '请求失败';
}
