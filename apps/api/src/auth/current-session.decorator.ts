import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The id of the session the caller's token belongs to, as the auth guard checked it. */
export const CurrentSession = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().sessionId);
