import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The client's address as Fastify resolved it (behind the trusted proxy, from X-Forwarded-For), for the security log. */
export const ClientIp = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<FastifyRequest>().ip ?? null);
