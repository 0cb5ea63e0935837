import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseStatistics } from '@app/cases';
import { OrganisationsModule } from '@app/organisations';
import { IssueSurveyLinksOnClose, SatisfactionSurvey, SurveySettings } from '@app/subsidy';
import type { AppConfig } from '../config/app-config';
import { PublicSurveyController, SatisfactionLinksController } from '../satisfaction/survey.controller';
import { SurveyRateLimit } from '../satisfaction/survey-rate-limit';
import { StatisticsController } from './statistics.controller';

/** The bureau's statistics and the 群众满意度测评 they report. */
@Module({})
export class StatisticsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StatisticsModule,
      imports: [CqrsModule, OrganisationsModule],
      controllers: [StatisticsController, SatisfactionLinksController, PublicSurveyController],
      providers: [
        CaseStatistics,
        SatisfactionSurvey,
        IssueSurveyLinksOnClose,
        { provide: SurveySettings, useValue: new SurveySettings(config.surveyLinkDays) },
        { provide: SurveyRateLimit, useValue: new SurveyRateLimit(config.surveyRateLimit) },
      ],
      // The deadline worker keeps the statistics rollup up to date between reads.
      exports: [CaseStatistics],
    };
  }
}
