import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Db } from '@app/persistence';
import { Public } from '../auth/public.decorator';
import { Lifecycle } from './lifecycle';
import { WorkerHealth } from './worker-health';

/**
 * Liveness (the process answers) and readiness (it should be sent work: not shutting down, database reachable,
 * migrations applied, the deadline worker running) for an orchestrator or load balancer. GET /api/health stays as it was.
 */
@ApiTags('health 健康检查')
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly lifecycle: Lifecycle,
    private readonly db: Db,
    private readonly dataSource: DataSource,
    private readonly worker: WorkerHealth,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: '200 while the process runs (liveness)' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: '200 when this process should receive requests: not shutting down, database and migrations current, worker running (readiness); else 503 saying which' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the same report, naming the failed check', content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthCheckResult' } } } })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.accepting(), () => this.database(), () => this.migrations(), () => this.deadlineWorker()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private accepting() {
    const check = this.indicators.check('lifecycle');
    return this.lifecycle.ready ? check.up() : check.down({ reason: 'shutting down' });
  }

  private async database() {
    const check = this.indicators.check('database');
    try {
      await this.db.query('SELECT 1 AS ok');
      return check.up({ dialect: this.db.dialect });
    } catch {
      return check.down({ dialect: this.db.dialect, reason: 'unreachable' });
    }
  }

  private async migrations() {
    const check = this.indicators.check('migrations');
    try {
      return (await this.dataSource.showMigrations()) ? check.down({ reason: 'migrations pending' }) : check.up();
    } catch {
      return check.down({ reason: 'cannot read the migrations table' });
    }
  }

  private deadlineWorker() {
    const check = this.indicators.check('worker');
    const { up, detail } = this.worker.status();
    return up ? check.up(detail) : check.down(detail);
  }
}
