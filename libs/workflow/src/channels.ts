import type { WorkflowDefinition } from './definition';
import { judicialConfirmation } from './judicial-confirmation/jc.workflow';
import { judicialConfirmationV2 } from './judicial-confirmation/jc-v2.workflow';
import { peopleMediation } from './people-mediation/pm.workflow';
import { courtCase } from './court/ct.workflow';
import { labourMediation } from './labour-mediation/lm.workflow';
import { labourArbitration } from './labour-arbitration/lab.workflow';
import { ruralLand } from './rural-land/land.workflow';
import { commercialArbitration } from './commercial-arbitration/arb.workflow';
import { commercialMediation } from './commercial-mediation/cm.workflow';
import { administrativeReconsideration } from './reconsideration/rx.workflow';
import { petition } from './petition/xf.workflow';
import { intakeCentre } from './intake-centre/zz.workflow';
import { subsidyClaim } from './subsidy/sub.workflow';
import { policeMediation } from './police-mediation/ps.workflow';
import { trafficAccident } from './traffic-accident/ta.workflow';
import { tieredHearing } from './hearing/hr.workflow';

/**
 * Every workflow version the engine can run, old versions included: one line per channel (or version). A channel is a
 * folder under libs/workflow/src that exports its definition and manifest; the route table links channels.
 */
export const ALL_WORKFLOWS: WorkflowDefinition[] = [
  peopleMediation,
  judicialConfirmation,
  judicialConfirmationV2,
  courtCase,
  labourMediation,
  labourArbitration,
  ruralLand,
  commercialArbitration,
  commercialMediation,
  administrativeReconsideration,
  petition,
  intakeCentre,
  subsidyClaim,
  policeMediation,
  trafficAccident,
  tieredHearing,
];

/** The workflow a case gets when `POST /api/cases` names none. */
export const INTAKE_WORKFLOW = 'pm';
