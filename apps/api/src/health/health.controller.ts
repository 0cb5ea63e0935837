import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Db } from '@app/persistence';
import { Public } from '../auth/public.decorator';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database answers' })
  async health() {
    try {
      await this.db.query('SELECT 1 AS ok');
    } catch {
      throw new ServiceUnavailableException('database unreachable');
    }
    return { status: 'ok', database: this.db.dialect };
  }
}
