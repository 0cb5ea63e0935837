import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'fengqiao:public';
/** The route answers without a token (login, health, docs). Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
