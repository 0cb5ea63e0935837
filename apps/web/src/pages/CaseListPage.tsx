import { DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Flex, Form, Grid, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, useShared, useSharedAll } from '../api/hooks';
import { ApiError, tokenStore } from '../api/client';
import type { CaseSummary, OrgUser, Page, Vocabulary, WorkflowDescription, WorkflowState, WorkflowSummary } from '../api/types';
import { CaseList } from '../components/CaseList';
import { ErrorNotice } from '../components/ErrorNotice';
import { RegionTreeSelect } from '../components/RegionTreeSelect';

interface Filters {
  q?: string;
  workflows?: string[];
  state?: string;
  regionCode?: string;
  overdue?: boolean;
  closed?: 'true' | 'false';
  category?: string;
  source?: string;
  mediator?: string;
  registered?: [Dayjs, Dayjs];
}

/** Filters kept in the URL one parameter each; lists as `a,b`, the registration range as registeredFrom/registeredTo. */
const FILTER_KEYS = ['q', 'workflows', 'state', 'regionCode', 'overdue', 'closed', 'category', 'source', 'mediator'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  const from = params.get('registeredFrom');
  const to = params.get('registeredTo');
  // `workflow` is the older single-channel parameter, still honoured in links.
  const workflows = (params.get('workflows') ?? params.get('workflow') ?? '').split(',').filter(Boolean);
  return {
    q: params.get('q') ?? undefined,
    workflows: workflows.length ? workflows : undefined,
    state: params.get('state') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    closed: (params.get('closed') as Filters['closed']) ?? undefined,
    category: params.get('category') ?? undefined,
    source: params.get('source') ?? undefined,
    mediator: params.get('mediator') ?? undefined,
    registered: from && to ? [dayjs(from), dayjs(to)] : undefined,
  };
}

/** The filters as the API's query: the same names as the URL's. */
function apiQuery(f: Filters): Record<string, string | undefined> {
  return {
    q: f.q,
    workflows: f.workflows?.join(','),
    state: f.state,
    regionCode: f.regionCode,
    overdue: f.overdue ? 'true' : undefined,
    closed: f.closed,
    category: f.category,
    source: f.source,
    mediator: f.mediator,
    registeredFrom: f.registered?.[0].format('YYYY-MM-DD'),
    registeredTo: f.registered?.[1].format('YYYY-MM-DD'),
  };
}

/** Downloads the ledger for the filters; the browser cannot send the bearer token with a plain link. */
async function downloadLedger(query: Record<string, string | undefined>) {
  const defined = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const response = await fetch(`/api/cases/ledger.xlsx?${new URLSearchParams(defined)}`, { headers: { Authorization: `Bearer ${tokenStore.get()}` } });
  if (!response.ok) throw new ApiError(response.status, null, `导出失败（${response.status}）`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `案件台账-${dayjs().format('YYYY-MM-DD')}.xlsx`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The states a case can be found in by its state: those a case rests in (atomic or final, not inside a parallel
 * state, whose cases are stored with every region's state), named with their parents (审理 · 简易程序).
 */
function filterableStates(d: WorkflowDescription): { value: string; label: string }[] {
  const byId = new Map(d.states.map((s) => [s.id, s]));
  const ancestors = (s: WorkflowState): WorkflowState[] => {
    const parent = s.parent ? byId.get(s.parent) : undefined;
    return parent ? [...ancestors(parent), parent] : [];
  };
  return d.states
    .filter((s) => (s.type === 'atomic' || s.type === 'final') && !ancestors(s).some((a) => a.type === 'parallel'))
    .map((s) => ({ value: s.id, label: [...ancestors(s), s].map((a) => a.label).join(' · ') }));
}

/** Every case the person may see, filtered by state, workflow, region, overdue and words, page by page. */
export function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const filters = filtersFrom(params);
  const query = apiQuery(filters);
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  const mediators = useShared<OrgUser[]>('/organisations/mine/users?role=MEDIATOR');
  // On a phone the filters fold away behind one button, so the list starts on the first screen.
  const phone = !Grid.useBreakpoint().md;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const chosen = Object.values(query).filter((v) => v !== undefined && v !== '').length;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  // A channel's work queue (from the work queue page): its open cases in the queue's states, or assigned to me.
  const queue = params.get('queue') ?? undefined;
  const list = useApi<Page<CaseSummary>>('/cases', { ...query, queue, page, pageSize });

  const workflows = useShared<WorkflowSummary[]>('/workflows');
  const descriptions = useSharedAll<WorkflowDescription>(workflows.data ? workflows.data.map((w) => `/workflows/${w.id}`) : null);
  const chosenWorkflows = Form.useWatch('workflows', form);
  const stateOptions = useMemo(() => {
    const defs = (descriptions.data ?? []).filter((d) => !chosenWorkflows?.length || chosenWorkflows.includes(d.id));
    return defs.map((d) => ({ label: d.title, title: d.title, options: filterableStates(d) }));
  }, [descriptions.data, chosenWorkflows]);

  useEffect(() => {
    form.setFieldsValue({ ...Object.fromEntries([...FILTER_KEYS, 'registered'].map((k) => [k, undefined])), ...filters });
    // The URL is the source of truth: refill the form when it changes (back button, links).
  }, [params.toString()]);

  const search = (values: Filters) => {
    const next = new URLSearchParams();
    for (const [key, v] of Object.entries(apiQuery(values))) if (v !== undefined && v !== '') next.set(key, v);
    // Enter in a field and then the button submit twice: one history entry, or back would seem to do nothing.
    if (next.toString() !== params.toString()) setParams(next);
    setFiltersOpen(false);
  };

  const exportLedger = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadLedger({ ...query, queue });
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        案件查询
      </Typography.Title>
      <Card size="small" data-testid="case-filters">
        {phone ? (
          <Flex gap={8} wrap style={{ marginBottom: filtersOpen ? 12 : 0 }}>
            <Button icon={<FilterOutlined />} aria-expanded={filtersOpen} aria-controls="case-filter-form" onClick={() => setFiltersOpen((o) => !o)}>
              {filtersOpen ? '收起筛选' : '筛选'}
              {chosen ? `（已选 ${chosen} 项）` : ''}
            </Button>
            {chosen && !filtersOpen ? <Button onClick={() => setParams(new URLSearchParams())}>清除筛选</Button> : null}
          </Flex>
        ) : null}
        <Form form={form} layout="vertical" onFinish={search} initialValues={filters} id="case-filter-form" hidden={phone && !filtersOpen}>
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="关键词" name="q">
                <Input allowClear placeholder="案号、案情或当事人姓名" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="渠道" name="workflows">
                <Select mode="multiple" allowClear maxTagCount="responsive" placeholder="全部" options={(workflows.data ?? []).map((w) => ({ value: w.id, label: w.title }))} onChange={() => form.setFieldValue('state', undefined)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="状态" name="state">
                <Select allowClear placeholder="全部" options={stateOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label="地区" name="regionCode">
                <RegionTreeSelect allowClear placeholder="全部地区" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label="办理情况" name="closed">
                <Select
                  allowClear
                  placeholder="全部"
                  options={[
                    { value: 'false', label: '办理中' },
                    { value: 'true', label: '已结案' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={2}>
              <Form.Item label="逾期" name="overdue" valuePropName="checked">
                <Checkbox>仅看逾期</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="纠纷类型" name="category">
                <Select allowClear placeholder="全部" showSearch={{ optionFilterProp: 'label' }} options={(vocabulary.data?.categories ?? []).map((c) => ({ value: c.code, label: c.label }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="来源" name="source">
                <Select allowClear placeholder="全部" options={(vocabulary.data?.sources ?? []).map((c) => ({ value: c.code, label: c.label }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="调解员" name="mediator">
                <Select
                  allowClear
                  placeholder="全部"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={[{ value: 'me', label: '我承办的' }, ...(mediators.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="登记日期" name="registered">
                <DatePicker.RangePicker style={{ width: '100%' }} allowClear />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLedger}>
              导出台账
            </Button>
          </Flex>
          {exportError ? <ErrorNotice error={exportError} /> : null}
        </Form>
      </Card>
      <Card size="small">
        {list.error ? (
          <ErrorNotice error={list.error} onRetry={list.reload} />
        ) : (
          <CaseList
            items={list.data?.items ?? []}
            loading={list.loading}
            total={list.data?.total ?? 0}
            totalCapped={list.data?.totalCapped}
            page={page}
            pageSize={pageSize}
            onPage={(p, size) => {
              const next = new URLSearchParams(params);
              next.set('page', String(size === pageSize ? p : 1));
              next.set('pageSize', String(size));
              setParams(next);
            }}
            empty="没有符合条件的案件"
          />
        )}
      </Card>
    </Flex>
  );
}
