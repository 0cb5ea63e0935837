import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SECURITY_EVENT_KINDS } from '@app/audit';
import { AGENT_KINDS, CATEGORIES, ETHNICITIES, PARTY_ROLES, SEXES, SOURCES } from '@app/cases';
import { DEADLINE_STATUS_LABELS } from '@app/deadlines';
import { ORG_TYPE_LABELS, REGION_LEVEL_LABELS } from '@app/organisations';
import { ROLES, ROLE_LABELS } from '@app/workflow';

const entries = (labels: Record<string, string>, codes: readonly string[] = Object.keys(labels)) => codes.map((code) => ({ code, label: labels[code] }));

/** The codes clients send and the Chinese labels people see, from the one place the engine defines them. */
@ApiTags('vocabulary 代码表')
@ApiBearerAuth()
@Controller('vocabulary')
export class VocabularyController {
  @Get()
  @ApiOperation({ summary: 'Codes and Chinese labels: dispute categories, sources, party roles, user roles, organisation types, security event kinds (代码表)' })
  get() {
    return {
      categories: entries(CATEGORIES),
      sources: entries(SOURCES),
      partyRoles: entries(PARTY_ROLES),
      roles: entries(ROLE_LABELS, ROLES),
      orgTypes: entries(ORG_TYPE_LABELS),
      regionLevels: entries(REGION_LEVEL_LABELS),
      deadlineStatuses: entries(DEADLINE_STATUS_LABELS),
      securityEventKinds: entries(SECURITY_EVENT_KINDS),
      sexes: entries(SEXES),
      agentKinds: entries(AGENT_KINDS),
      // Sent and shown by name: the name is the code.
      ethnicities: ETHNICITIES.map((name) => ({ code: name, label: name })),
    };
  }
}
