import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, type SelectProps } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useShared, useSharedAll } from '../api/hooks';
import type { JsonSchema, OrganisationRef, OrgUser, Party } from '../api/types';

type Name = (string | number)[];

interface Props {
  /** An object schema; its properties become the fields. */
  schema: JsonSchema;
  /** Where the object lives in the form's values, e.g. ['rightsNotice']. */
  prefix?: Name;
  /** The case's parties, offered for `x-source: 'parties'` fields. */
  parties: Party[];
  /** The engine's today (YYYY-MM-DD): the default of a day that happened, and the last day its picker offers. */
  today?: string;
}

/**
 * Form fields generated from a workflow event's JSON Schema: titles are the Chinese labels, `x-enumLabels` label the
 * choices, `x-source` says where choices come from (the case's parties; the basic courts, `courts`; organisations of
 * some types, `orgs:TYPE1,TYPE2`; the users of the person's organisation with a role, `orgUsers:ROLE`), `format: date`
 * is a date picker, booleans are checkboxes, nested objects are groups and arrays of free text take tags.
 */
export function SchemaFields({ schema, prefix = [], parties, today }: Props) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, prop]) => (
        <SchemaField key={key} name={[...prefix, key]} prop={prop} required={required.has(key)} parties={parties} today={today} />
      ))}
    </>
  );
}

function SchemaField({ name, prop, required, parties, today }: { name: Name; prop: JsonSchema; required: boolean; parties: Party[]; today?: string }) {
  const label = prop.title ?? String(name[name.length - 1]);
  const source = prop['x-source'] ?? prop.items?.['x-source'];

  if (prop.type === 'object') {
    return (
      <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0', marginBottom: 16, minWidth: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
          {label}
          {required ? <span style={{ color: '#ff4d4f' }}> *</span> : null}
        </legend>
        <SchemaFields schema={prop} prefix={name} parties={parties} today={today} />
      </fieldset>
    );
  }

  if (prop.type === 'boolean') {
    const rules: Rule[] = prop.const === true ? [{ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(`须确认：${label}`))) }] : [];
    return (
      <Form.Item name={name} valuePropName="checked" rules={rules} initialValue={required ? false : undefined}>
        <Checkbox>{label}</Checkbox>
      </Form.Item>
    );
  }

  if (prop.type === 'array' && prop.items?.properties?.partyId?.['x-source'] === 'parties' && prop.items.properties.rating?.enum) {
    return (
      <Form.Item label={label} name={name} required={required}>
        <PartyRatings parties={parties} options={choices(prop.items.properties.rating)} />
      </Form.Item>
    );
  }

  if (prop.type === 'array') {
    const rules: Rule[] = [];
    const min = prop.minItems ?? (required ? 1 : 0);
    if (min > 0) rules.push({ required: true, type: 'array', min, message: `请至少选择 ${min} 项：${label}` });
    if (prop.maxItems) rules.push({ type: 'array', max: prop.maxItems, message: `${label}最多 ${prop.maxItems} 项` });
    let control;
    if (source === 'parties') {
      control = <Checkbox.Group options={parties.map((p) => ({ value: p.id, label: `${p.name}（${p.roleLabel}）` }))} />;
    } else if (prop.items?.enum) {
      control = <Checkbox.Group options={choices(prop.items)} />;
    } else {
      if (min > 0) rules[0] = { required: true, type: 'array', min, message: `请至少填写 ${min} 项：${label}` };
      control = <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ';', '；']} placeholder="输入后按回车添加，可添加多项" suffixIcon={null} />;
    }
    return (
      <Form.Item label={label} name={name} rules={rules} required={min > 0}>
        {control}
      </Form.Item>
    );
  }

  const rules: Rule[] = [];
  const choosing = !!prop.enum || !!source || prop.format === 'date';
  if (required) rules.push({ required: true, whitespace: !choosing, message: `${choosing ? '请选择' : '请填写'}${label}` });
  if (prop.type === 'string' && prop.maxLength && !choosing) rules.push({ max: prop.maxLength, message: `${label}不能超过 ${prop.maxLength} 个字` });

  if (prop.format === 'date') {
    const happened = prop['x-notAfterToday'] === true && !!today;
    return (
      <Form.Item
        label={label}
        name={name}
        rules={rules}
        // Most such days are today (the session just held, the agreement just signed).
        initialValue={happened && required ? today : undefined}
        // The form keeps the ISO date the API takes; the picker works with dayjs.
        getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
        normalize={(value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
      >
        <DatePicker
          style={{ width: '100%', maxWidth: 240 }}
          format="YYYY-MM-DD"
          placeholder="选择日期"
          disabledDate={happened ? (day) => day.format('YYYY-MM-DD') > today! : undefined}
        />
      </Form.Item>
    );
  }
  const orgTypes = organisationTypes(source);
  if (orgTypes) {
    return (
      <Form.Item label={label} name={name} rules={rules}>
        <OrganisationSelect types={orgTypes} />
      </Form.Item>
    );
  }
  if (source?.startsWith('orgUsers:')) {
    return (
      <Form.Item label={label} name={name} rules={rules}>
        <OrgUserSelect role={source.slice('orgUsers:'.length)} />
      </Form.Item>
    );
  }
  if (prop.enum) {
    const options = choices(prop);
    return (
      <Form.Item label={label} name={name} rules={rules}>
        {options.length <= 4 ? <Radio.Group options={options} /> : <Select options={options} placeholder="请选择" />}
      </Form.Item>
    );
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    return (
      <Form.Item label={label} name={name} rules={rules}>
        <InputNumber min={prop.minimum} max={prop.maximum} precision={prop.type === 'integer' ? 0 : prop['x-yuan'] ? 2 : undefined} style={prop['x-yuan'] ? { width: 200 } : undefined} />
      </Form.Item>
    );
  }
  const long = (prop.maxLength ?? 2000) > 100;
  return (
    <Form.Item label={label} name={name} rules={rules}>
      {long ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={prop.maxLength} /> : <Input maxLength={prop.maxLength} />}
    </Form.Item>
  );
}

/** One answer per party (each party's satisfaction): the value is the list of `{ partyId, rating }` given. */
function PartyRatings({ parties, options, value, onChange }: { parties: Party[]; options: { value: string; label: string }[]; value?: { partyId: string; rating: string }[]; onChange?: (v: { partyId: string; rating: string }[] | undefined) => void }) {
  const set = (partyId: string, rating: string | undefined) => {
    const rest = (value ?? []).filter((a) => a.partyId !== partyId);
    const next = rating ? [...rest, { partyId, rating }] : rest;
    onChange?.(next.length ? next : undefined);
  };
  return (
    <>
      {parties.map((p) => (
        <div key={p.id} style={{ marginBottom: 8 }}>
          <span style={{ display: 'inline-block', minWidth: 160 }}>{`${p.name}（${p.roleLabel}）`}</span>
          <Radio.Group
            value={value?.find((a) => a.partyId === p.id)?.rating}
            onChange={(e) => set(p.id, e.target.value)}
            options={[...options, { value: '', label: '未作评价' }]}
            optionType="button"
            size="small"
          />
        </div>
      ))}
    </>
  );
}

function choices(schema: JsonSchema) {
  const labels = schema['x-enumLabels'] ?? [];
  return (schema.enum ?? []).map((value, i) => ({ value: value as string, label: labels[i] ?? String(value) }));
}

/** The organisation types an `x-source` offers: `courts` is the basic courts, `orgs:A,B` those of types A and B. */
export function organisationTypes(source: string | undefined): string[] | null {
  if (source === 'courts') return ['BASIC_COURT'];
  if (source?.startsWith('orgs:')) return source.slice('orgs:'.length).split(',').map((t) => t.trim()).filter(Boolean);
  return null;
}

/** Organisations of some types, from the directory; grouped by type when there are several. */
function OrganisationSelect({ types, ...props }: { types: string[]; value?: string; onChange?: (v: string) => void; id?: string }) {
  const orgs = useSharedAll<OrganisationRef[]>(types.map((t) => `/organisations?type=${encodeURIComponent(t)}`));
  const courtsOnly = types.length === 1 && types[0] === 'BASIC_COURT';
  const options: SelectProps['options'] =
    types.length === 1
      ? (orgs.data?.[0] ?? []).map((o) => ({ value: o.id, label: o.name }))
      : (orgs.data ?? [])
          .filter((list) => list.length)
          .map((list) => ({ label: list[0].typeLabel, title: list[0].typeLabel, options: list.map((o) => ({ value: o.id, label: o.name })) }));
  return (
    <Select
      {...props}
      loading={orgs.loading}
      placeholder={orgs.error ? '单位列表加载失败，请刷新' : courtsOnly ? '请选择法院' : '请选择单位'}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

function OrgUserSelect({ role, ...props }: { role: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const users = useShared<OrgUser[]>(`/organisations/mine/users?role=${encodeURIComponent(role)}`);
  return (
    <Select
      {...props}
      loading={users.loading}
      placeholder={users.error ? '人员列表加载失败，请刷新' : '请选择'}
      options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
    />
  );
}

/**
 * The form's values as event data: empty optional answers left out, so the schema's `minLength` and formats apply
 * only to what was actually given.
 */
export function cleanData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanData);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = cleanData(v);
      if (cleaned === undefined || cleaned === null || cleaned === '') continue;
      if (typeof cleaned === 'object' && !Array.isArray(cleaned) && Object.keys(cleaned).length === 0) continue;
      out[k] = cleaned;
    }
    return out;
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** Labels for event data in the timeline: a field's schema title, an enum's label, a party's name. */
export function describeData(data: Record<string, unknown>, schema: JsonSchema | undefined, parties: Party[], names: Record<string, string> = {}): { label: string; value: string }[] {
  return Object.entries(data).map(([key, value]) => {
    const prop = schema?.properties?.[key];
    return { label: prop?.title ?? DATA_LABELS[key] ?? key, value: describeValue(value, prop, parties, names) };
  });
}

const DATA_LABELS: Record<string, string> = { sourceCaseNo: '来源案号', sourceCaseId: '来源案件', outcome: '结果', deadlineId: '期限', reason: '原因' };

function describeValue(value: unknown, prop: JsonSchema | undefined, parties: Party[], names: Record<string, string>): string {
  const source = prop?.['x-source'] ?? prop?.items?.['x-source'];
  if (Array.isArray(value)) {
    const item: JsonSchema | undefined = source ? { ...prop?.items, 'x-source': source } : prop?.items;
    return value.map((v) => describeValue(v, item, parties, names)).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value && typeof value === 'object') {
    return describeData(value as Record<string, unknown>, prop, parties, names)
      .map((d) => `${d.label}：${d.value}`)
      .join('；');
  }
  const text = String(value);
  if (source === 'parties') return parties.find((p) => p.id === text)?.name ?? text;
  if (prop?.enum) {
    const i = prop.enum.indexOf(text);
    if (i >= 0 && prop['x-enumLabels']?.[i]) return prop['x-enumLabels'][i];
  }
  return names[text] ?? text;
}
