import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { VerifyAuditHandler } from './queries/verify-audit.handler';

/** Audit verification. The store port comes from the persistence module. */
@Module({ imports: [CqrsModule], providers: [VerifyAuditHandler] })
export class AuditModule {}
