import { Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, useShared, useSharedAll } from '../api/hooks';
import type { CaseSummary, Page, WorkflowDescription, WorkflowState, WorkflowSummary } from '../api/types';
import { CaseList } from '../components/CaseList';
import { ErrorNotice } from '../components/ErrorNotice';
import { RegionTreeSelect } from '../components/RegionTreeSelect';

interface Filters {
  q?: string;
  workflow?: string;
  state?: string;
  regionCode?: string;
  overdue?: boolean;
  closed?: 'true' | 'false';
}

const FILTER_KEYS = ['q', 'workflow', 'state', 'regionCode', 'overdue', 'closed'] as const;

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
  const filters: Filters = {
    q: params.get('q') ?? undefined,
    workflow: params.get('workflow') ?? undefined,
    state: params.get('state') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    closed: (params.get('closed') as Filters['closed']) ?? undefined,
  };
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  // A channel's work queue (from the work queue page): its open cases in the queue's states, or assigned to me.
  const queue = params.get('queue') ?? undefined;
  const list = useApi<Page<CaseSummary>>('/cases', { ...filters, queue, page, pageSize });

  const workflows = useShared<WorkflowSummary[]>('/workflows');
  const descriptions = useSharedAll<WorkflowDescription>(workflows.data ? workflows.data.map((w) => `/workflows/${w.id}`) : null);
  const chosenWorkflow = Form.useWatch('workflow', form);
  const stateOptions = useMemo(() => {
    const defs = (descriptions.data ?? []).filter((d) => !chosenWorkflow || d.id === chosenWorkflow);
    return defs.map((d) => ({ label: d.title, title: d.title, options: filterableStates(d) }));
  }, [descriptions.data, chosenWorkflow]);

  useEffect(() => {
    form.setFieldsValue({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...filters });
    // The URL is the source of truth: refill the form when it changes (back button, links).
  }, [params.toString()]);

  const search = (values: Filters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const v = values[key];
      if (v !== undefined && v !== '' && v !== false) next.set(key, String(v));
    }
    setParams(next);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        案件查询
      </Typography.Title>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={search} initialValues={filters}>
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="关键词" name="q">
                <Input allowClear placeholder="案号、案情或当事人姓名" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item label="流程" name="workflow">
                <Select allowClear placeholder="全部" options={(workflows.data ?? []).map((w) => ({ value: w.id, label: w.title }))} onChange={() => form.setFieldValue('state', undefined)} />
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
          </Row>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
          </Flex>
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
