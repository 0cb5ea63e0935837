import { Col, Collapse, DatePicker, Form, Input, Row, Select } from 'antd';
import { isValidChineseIdNumber, isValidChinesePhone } from '@app/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { Vocabulary } from '../api/types';

/** The form's values for one party's details, as the API takes them. */
export interface PartyDetailValues {
  sex?: string;
  ethnicity?: string;
  dateOfBirth?: string;
  occupation?: string;
  agent?: { name?: string; kind?: string; relation?: string; phone?: string; idNumber?: string };
}

async function idNumberRule(_: unknown, value?: string) {
  if (value && !isValidChineseIdNumber(value.toUpperCase())) throw new Error('身份证号码有误：应为 18 位，出生日期和最后一位校验码须正确');
}

async function phoneRule(_: unknown, value?: string) {
  if (value && !isValidChinesePhone(value.trim())) throw new Error('电话号码格式不正确：手机为 11 位，固定电话须带区号');
}

/**
 * 更多信息 of a party in the opening form: sex, ethnicity, birth date, occupation and the agent (代理人), folded away
 * because most registrations do without them. Rendered even while folded, so a refused field can be scrolled to.
 */
export function PartyDetailsFields({ name, vocabulary }: { name: number; vocabulary: Vocabulary }) {
  const agentName = Form.useWatch(['parties', name, 'agent', 'name']);
  const fields = (
    <Row gutter={12}>
      <Col xs={12} md={4}>
        <Form.Item label="性别" name={[name, 'sex']}>
          <Select allowClear placeholder="请选择" options={vocabulary.sexes.map((s) => ({ value: s.code, label: s.label }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item label="民族" name={[name, 'ethnicity']}>
          <Select allowClear showSearch placeholder="请选择" options={vocabulary.ethnicities.map((s) => ({ value: s.code, label: s.label }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item
          label="出生日期"
          name={[name, 'dateOfBirth']}
          getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
          normalize={(value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs('1900-01-01'))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item label="职业" name={[name, 'occupation']} rules={[{ max: 50, message: '职业不能超过 50 个字' }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="代理人" name={[name, 'agent', 'name']} rules={[{ max: 50, message: '姓名不能超过 50 个字' }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="代理类别" name={[name, 'agent', 'kind']} rules={[{ required: !!agentName, message: '请选择法定代理人或委托代理人' }]}>
          <Select allowClear placeholder="请选择" options={vocabulary.agentKinds.map((s) => ({ value: s.code, label: s.label }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={4}>
        <Form.Item label="与当事人关系" name={[name, 'agent', 'relation']} rules={[{ max: 30, message: '不能超过 30 个字' }]}>
          <Input maxLength={30} placeholder="父亲、律师…" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="代理人电话" name={[name, 'agent', 'phone']} rules={[{ validator: phoneRule }]}>
          <Input maxLength={13} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="代理人证件号码" name={[name, 'agent', 'idNumber']} rules={[{ validator: idNumberRule }]} normalize={(v?: string) => v?.toUpperCase()} style={{ marginBottom: 0 }}>
          <Input maxLength={18} />
        </Form.Item>
      </Col>
    </Row>
  );
  return <Collapse size="small" ghost items={[{ key: 'more', label: '更多信息（性别、民族、出生日期、职业、代理人）', children: fields, forceRender: true }]} />;
}

/** 争议金额 in yuan: a number with at most two decimals, sent as the text typed. */
export function AmountInDisputeField() {
  return (
    <Form.Item label="争议金额（元）" name="amountInDispute" rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: '请填写不小于 0、至多两位小数的金额' }]}>
      <Input inputMode="decimal" placeholder="例如 12000.50" maxLength={15} />
    </Form.Item>
  );
}
