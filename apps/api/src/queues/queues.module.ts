import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseAssignmentController } from './case-assignment.controller';
import { QueuesController } from './queues.controller';

/** Work queues: 待分配 with claiming, assigning and reassigning, and the supervisor's 督办 list. */
@Module({ imports: [CqrsModule], controllers: [QueuesController, CaseAssignmentController] })
export class QueuesModule {}
