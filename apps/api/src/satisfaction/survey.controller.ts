import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@app/organisations';
import { CaseNotFoundError } from '@app/cases';
import { SatisfactionSurvey } from '@app/subsidy';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Public } from '../auth/public.decorator';
import { ClientIp } from '../http/client-ip';
import { SurveyRateLimit } from './survey-rate-limit';
import { SurveyAnswerRequest } from './survey.requests';
import { ApiProblems } from '../http/openapi/api-problems.decorator';

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const caseId = (id: string) => {
  if (!CASE_ID.test(id)) throw new CaseNotFoundError(id);
  return id.toLowerCase();
};

@ApiTags('satisfaction 群众满意度测评')
@ApiBearerAuth()
@Controller('cases/:id/satisfaction-links')
export class SatisfactionLinksController {
  constructor(private readonly survey: SatisfactionSurvey) {}

  @Get()
  @ApiOperation({ summary: "Each party's survey link and whether the party has answered, for the handling organisation (满意度测评链接)" })
  list(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.survey.linksOf(viewer, caseId(id));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a link to every party who has not answered; a live link is kept (发放满意度测评链接)' })
  async issue(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    await this.survey.issueLinks(caseId(id), viewer);
    return this.survey.linksOf(viewer, caseId(id));
  }
}

@ApiTags('satisfaction 群众满意度测评')
@Controller('public/survey/:token')
export class PublicSurveyController {
  constructor(
    private readonly survey: SatisfactionSurvey,
    @Inject(SurveyRateLimit) private readonly limit: SurveyRateLimit,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What the survey page shows for a link: no personal data (满意度测评，无需登录)' })
  @ApiProblems(410, 429)
  view(@Param('token') token: string, @ClientIp() ip: string | null) {
    this.limit.check(ip);
    return this.survey.publicView(token);
  }

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: "The party's answer; a link answers once (提交满意度评价)" })
  @ApiProblems(409, 410, 429)
  answer(@Param('token') token: string, @Body() body: SurveyAnswerRequest, @ClientIp() ip: string | null) {
    this.limit.check(ip);
    return this.survey.answer(token, body.rating);
  }
}
