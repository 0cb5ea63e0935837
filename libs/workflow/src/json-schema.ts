/** The subset of JSON Schema the workflows use to describe event data (and forms are rendered from). */
export interface JsonSchema {
  type?: 'object' | 'string' | 'boolean' | 'integer' | 'number' | 'array';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: readonly (string | number | boolean)[];
  const?: unknown;
  format?: 'date' | 'date-time';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  /** Chinese labels for `enum` values, in the same order. */
  'x-enumLabels'?: readonly string[];
  /**
   * Where the allowed values come from, checked by the engine and offered by forms:
   * `parties` (the case's party ids), `courts` (basic courts), `orgUsers:<ROLE>` (users of the case's organisation).
   */
  'x-source'?: 'parties' | 'courts' | `orgUsers:${string}` | `orgs:${string}`;
  /** Conditional requirements (a field needed only for one choice of another): every `if` that holds needs its `then`. */
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  /** For an array of objects: no two items may share this property's value (one answer per party). */
  'x-uniqueBy'?: string;
  /** For a `format: date` field of something that has happened: not later than the engine's today (China time). */
  'x-notAfterToday'?: boolean;
  /**
   * For a `format: date` field: not earlier than these days, each a case fact (`context.<field>`) or another field of
   * the same data (`data.<field>`), with its Chinese label. A day that is not known (not recorded yet) is no bound.
   */
  'x-notBefore'?: readonly DateBound[];
  /** For a `number` field: an amount in yuan, whole fen (at most two decimals); kept as a two-decimal string. */
  'x-yuan'?: boolean;
}

export interface DateBound {
  ref: `context.${string}` | `data.${string}`;
  label: string;
}
