/**
 * A routing rule between channels (domain spec appendix (c)): which event of which workflow sends a dispute to which
 * workflow at which kind of organisation, what travels with it, and how the receiving channel's outcomes — reported in
 * its own words — come back as events of the sending workflow. Neither machine names the other: only this row does.
 */
export interface RouteRule {
  /** The rule's id in spec appendix (c), e.g. `R4`; a letter suffix tells variants apart (`R10a`). */
  id: string;
  label: string;
  legalBasis: string;
  /**
   * The event that sends the dispute: applying it (allowed by the machine) opens the receiving case. With `states`,
   * only when the sending case is in one of them (or a state nested in one) before the event.
   */
  from: { workflow: string; event: string; states?: string[] };
  /**
   * Only when the sending event's data has these values, e.g. `{ to: 'COURT' }` for a 移送 to the court; `'*'` means
   * the field is present (the event names an organisation in the system).
   */
  when?: Record<string, string>;
  /**
   * The receiving workflow and the kinds of organisation that may receive it (the first is the usual one);
   * `orgField` is the sending event's data field naming the receiving organisation.
   */
  to: { workflow: string; orgTypes: string[]; orgField: string };
  /**
   * Opening input of the receiving case: its input field ← the sending case's context field, a field of the sending
   * event's data (`$event.<field>`), or one of the facts the engine knows of the sender: `$sender.orgName`,
   * `$sender.caseNo`, `$sender.caseId`, `$sender.openedOn`, `$today`. A dotted name reads a field of a record the
   * context holds (`petition.channel`).
   */
  input?: Record<string, string>;
  /**
   * The receiving case's first event, applied by the engine right after opening (e.g. 司法确认's FILE): its data
   * fields ← the sending event's data fields (or `$context.<field>` of the sending case, or a `$sender` fact). The
   * event must lead into a state tagged `inbox`.
   */
  start?: { event: string; data: Record<string, string> };
  /** How the receiving case records where it came from (api.md `source`, e.g. POLICE_TRANSFER); by default the sender's. */
  source?: string;
  /** The dossier the receiver reads: the sending case's context fields, and the data of its events of these types. */
  dossier: { context: string[]; events: string[] };
  /** Each outcome of the receiving channel → the sending workflow's event that takes it in; `null`: nothing to take in. */
  up: Record<string, string | null>;
  /** Events of the sending workflow → the receiving workflow's event, delivered while the receiving case is open. */
  down?: Record<string, string>;
}
