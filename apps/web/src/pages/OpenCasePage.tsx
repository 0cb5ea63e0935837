import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Skeleton, Typography } from 'antd';
import { isValidChineseIdNumber, isValidChinesePhone } from '@app/shared';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type FieldError } from '../api/client';
import { useShared } from '../api/hooks';
import type { CaseView, Vocabulary, WorkflowDescription, WorkflowSummary } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { AmountInDisputeField, PartyDetailsFields, type PartyDetailValues } from '../components/PartyDetailsFields';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { SchemaFields, cleanData } from '../components/SchemaFields';
import { showFieldErrors } from '../lib/field-errors';

interface PartyValues extends PartyDetailValues {
  role?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

interface OpenCaseValues {
  workflow: string;
  category?: string;
  source?: string;
  regionCode?: string;
  summary?: string;
  amountInDispute?: string;
  input?: Record<string, unknown>;
  parties: PartyValues[];
}

/** 登记案件: the dispute, where it happened (from the person's own region tree) and its parties. */
export function OpenCasePage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<OpenCaseValues>();
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  const workflows = useOpenableWorkflows(me?.roles ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const chosen = Form.useWatch('workflow', form);
  const workflow = workflows.data?.find((w) => w.id === chosen);

  useEffect(() => {
    if (workflows.data?.length && !form.getFieldValue('workflow')) form.setFieldValue('workflow', workflows.data.find((w) => w.id === 'pm')?.id ?? workflows.data[0].id);
  }, [workflows.data, form]);

  const submit = async (values: OpenCaseValues) => {
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      const body = cleanData({ ...values, parties: values.parties.map((p) => ({ ...p, idNumber: p.idNumber?.toUpperCase() })) });
      const view = await api<CaseView>('/cases', { method: 'POST', body });
      message.success(`已登记，案号 ${view.caseNo}`);
      navigate(`/cases/${view.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setUnplaced(showFieldErrors(form, e.fieldErrors));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (workflows.error || vocabulary.error) return <ErrorNotice error={workflows.error ?? vocabulary.error} />;
  if (!workflows.data || !vocabulary.data) return <Skeleton active />;
  if (!workflows.data.length) return <ErrorNotice error={new ApiError(403, null, '您的角色不能登记案件')} />;
  const fieldProblem = error instanceof ApiError && error.status === 400;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        登记案件
      </Typography.Title>
      {fieldProblem ? (
        <ErrorNotice error={new ApiError(400, null, '登记信息有误，请按红色提示修改后再提交')} extraFieldErrors={unplaced} />
      ) : (
        <ErrorNotice error={error} />
      )}
      <Form<OpenCaseValues>
        form={form}
        name="open-case"
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        scrollToFirstError
        initialValues={{ parties: [{ role: 'APPLICANT' }, { role: 'RESPONDENT' }] }}
      >
        <Card size="small" title="纠纷情况" style={{ marginBottom: 16 }}>
          {workflows.data.length > 1 ? (
            <Form.Item label="办理流程" name="workflow" rules={[{ required: true, message: '请选择办理流程' }]}>
              <Radio.Group options={workflows.data.map((w) => ({ value: w.id, label: w.title }))} />
            </Form.Item>
          ) : (
            <Form.Item name="workflow" hidden>
              <Input />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="纠纷类别" name="category" rules={[{ required: true, message: '请选择纠纷类别' }]}>
                <Select placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} options={vocabulary.data.categories.map((c) => ({ value: c.code, label: c.label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="案件来源" name="source" rules={[{ required: true, message: '请选择案件来源' }]}>
                <Select placeholder="请选择" options={vocabulary.data.sources.map((c) => ({ value: c.code, label: c.label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="纠纷发生地" name="regionCode" rules={[{ required: true, message: '请选择纠纷发生地' }]} extra={`可选范围：${me?.regionName ?? '本单位辖区'}`}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="纠纷简要情况"
            name="summary"
            rules={[
              { required: true, whitespace: true, message: '请填写纠纷简要情况' },
              { min: 2, message: '简要情况至少 2 个字' },
              { max: 500, message: '简要情况不能超过 500 个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount placeholder="例如：宅基地边界纠纷，围墙越界约半米" />
          </Form.Item>
          <AmountInDisputeField />
          {workflow?.openingSchema ? <SchemaFields schema={workflow.openingSchema} prefix={['input']} parties={[]} /> : null}
        </Card>

        <Card size="small" title="当事人">
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_, parties: PartyValues[] = []) => {
                  if (!parties.some((p) => p?.role === 'APPLICANT') || !parties.some((p) => p?.role === 'RESPONDENT')) {
                    throw new Error('至少需要一名申请人和一名被申请人');
                  }
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={`当事人 ${index + 1}`}
                    extra={
                      fields.length > 2 ? (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除当事人 ${index + 1}`}>
                          删除
                        </Button>
                      ) : null
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} sm={8} md={5}>
                        <Form.Item label="身份" name={[field.name, 'role']} rules={[{ required: true, message: '请选择身份' }]}>
                          <Select options={vocabulary.data?.partyRoles.map((r) => ({ value: r.code, label: r.label }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={16} md={6}>
                        <Form.Item label="姓名" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字' }]}>
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} md={7}>
                        <Form.Item label="身份证号" name={[field.name, 'idNumber']} rules={[{ validator: idNumberRule }]} normalize={(v?: string) => v?.toUpperCase()}>
                          <Input maxLength={18} placeholder="18 位居民身份证号码" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} md={6}>
                        <Form.Item label="联系电话" name={[field.name, 'phone']} rules={[{ validator: phoneRule }]}>
                          <Input maxLength={13} placeholder="手机或带区号的固定电话" />
                        </Form.Item>
                      </Col>
                      <Col xs={24}>
                        <Form.Item label="住址" name={[field.name, 'address']} rules={[{ max: 200, message: '住址不能超过 200 个字' }]} style={{ marginBottom: 0 }}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <PartyDetailsFields name={field.name} vocabulary={vocabulary.data!} />
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'THIRD_PARTY' })} style={{ alignSelf: 'flex-start' }}>
                  添加当事人
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            登记
          </Button>
          <Button size="large" onClick={() => navigate(-1)}>
            取消
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}

async function idNumberRule(_: unknown, value?: string) {
  if (!value) return;
  if (!/^\d{17}[\dXx]$/.test(value)) throw new Error('身份证号码应为 18 位（最后一位可以是 X）');
  if (!isValidChineseIdNumber(value.toUpperCase())) throw new Error('身份证号码有误：出生日期或最后一位校验码不正确');
}

async function phoneRule(_: unknown, value?: string) {
  if (value && !isValidChinesePhone(value.trim())) throw new Error('电话号码格式不正确：手机为 11 位，固定电话须带区号');
}

/** The workflows this person's roles may open, with their opening schemas. */
function useOpenableWorkflows(roles: string[]) {
  const [state, setState] = useState<{ data?: WorkflowDescription[]; error?: unknown }>({});
  const key = roles.join(',');
  useEffect(() => {
    let live = true;
    api<WorkflowSummary[]>('/workflows')
      .then((list) => Promise.all(list.map((w) => api<WorkflowDescription>(`/workflows/${w.id}`))))
      .then(
        (defs) => live && setState({ data: defs.filter((d) => d.openRoles.some((r) => roles.includes(r))) }),
        (error) => live && setState({ error }),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
