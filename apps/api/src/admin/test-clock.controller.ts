import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { DeadlineWorker, type DeadlineWorkerReport } from '@app/cases';
import { chinaDate, isIsoDate } from '@app/calendar';
import { Clock, DomainError, ManualClock, ValidationError } from '@app/shared';
import { Roles } from '../auth/roles.decorator';

export class SetClockRequest {
  @ApiProperty({ example: '2025-10-10T09:00:00+08:00', description: 'ISO-8601 instant with Z or a UTC offset' })
  @IsString()
  @MaxLength(40)
  now!: string;
}

/** The engine runs on the system clock: the test clock does not exist (404), whoever asks. */
class TestClockUnavailableError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly messageZh = '测试时钟未启用：仅在以 FENGQIAO_CLOCK=manual 启动时可用';
  constructor() {
    super('The test clock is available only when the engine runs with FENGQIAO_CLOCK=manual');
  }
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The test clock (../shared/api.md "Test clock"): with FENGQIAO_CLOCK=manual an administrator sets the engine's time
 * and runs the deadline worker on demand, which is how scenario tests move a case through months of legal time.
 * With the system clock, `POST /api/admin/clock` answers 404; running the worker on demand stays available (it is
 * safe to run at any time).
 */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    private readonly worker: DeadlineWorker,
  ) {}

  @Get('clock')
  @ApiOperation({ summary: 'The engine time and whether it is the manual test clock (引擎时间)' })
  read() {
    const now = this.clock.now();
    return { now: now.toISOString(), today: chinaDate(now), manual: this.clock instanceof ManualClock };
  }

  @Post('clock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the engine time (FENGQIAO_CLOCK=manual only; 404 otherwise) (设置测试时钟)' })
  set(@Body() body: SetClockRequest) {
    if (!(this.clock instanceof ManualClock)) throw new TestClockUnavailableError();
    const match = INSTANT.exec(body.now);
    const instant = new Date(body.now);
    if (!match || !isIsoDate(match[1]) || Number.isNaN(instant.getTime())) {
      throw new ValidationError([{ field: 'now', message: 'must be an ISO-8601 instant with Z or a UTC offset, e.g. 2025-10-10T09:00:00+08:00', messageZh: '须为带时区的 ISO-8601 时刻，例如 2025-10-10T09:00:00+08:00' }]);
    }
    this.clock.set(instant);
    return { now: instant.toISOString(), today: chinaDate(instant), manual: true };
  }

  @Post('deadlines/run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the deadline worker once, now, and report what it fired, reminded and escalated (立即运行期限任务)' })
  run(): Promise<DeadlineWorkerReport> {
    return this.worker.runOnce();
  }
}
