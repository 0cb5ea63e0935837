import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Viewer } from '@app/organisations';

/** The authenticated caller the auth guard put on the request. */
export const CurrentViewer = createParamDecorator((_data: unknown, ctx: ExecutionContext): Viewer => ctx.switchToHttp().getRequest().viewer);
