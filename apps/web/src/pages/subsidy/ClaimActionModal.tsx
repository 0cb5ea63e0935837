import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SubsidyClaim } from './subsidy-types';

const TIER_EVENTS = ['DRAFT', 'BUREAU_APPROVE'];
const REJECT_REASONS = { DUPLICATE: '同一纠纷重复申报', INELIGIBLE: '不符合补贴条件', DEFECTIVE_FILE: '卷宗不规范', FALSE_FILE: '虚假卷宗', INFLATED_TIER: '虚报案件等级', OTHER: '其他' };
const TIERS = { SIMPLE: '简单', ORDINARY: '一般', DIFFICULT: '疑难复杂', MAJOR: '重大', EXTRAORDINARY: '特别重大' };

/** The data each step asks for, as the sub workflow's event schemas define it; the engine validates it again. */
function dataFor(type: string, v: Record<string, any>): Record<string, unknown> {
  const day = (d: unknown) => (d ? dayjs(d as string).format('YYYY-MM-DD') : dayjs().format('YYYY-MM-DD'));
  switch (type) {
    case 'DRAFT':
    case 'BUREAU_APPROVE':
      return { tier: v.tier, ...(v.note ? { [type === 'DRAFT' ? 'note' : 'opinion']: v.note } : {}) };
    case 'ORG_APPROVE':
    case 'STATION_APPROVE':
      return v.note ? { opinion: v.note } : {};
    case 'RECORD_CALL_BACK':
      return { calledOn: day(v.date), result: v.result, note: v.note };
    case 'PAY':
      return { paidOn: day(v.date), voucherNo: v.note };
    case 'PUBLISH':
      return { publishedOn: day(v.date), batchNo: v.note };
    case 'RETURN_FOR_CORRECTION':
    case 'SUSPEND_FOR_FRAUD':
      return { reason: v.note };
    case 'REJECT':
      return { reason: v.reason, ...(v.note ? { note: v.note } : {}) };
    case 'CLAW_BACK':
      return { recoveredAmount: v.amount, note: v.note };
    default:
      return v.note ? { note: v.note } : {};
  }
}

/** One step of a claim's review, sent to POST /api/subsidy/claims/:id/events. */
export function ClaimActionModal({ claim, action, onClose, onDone }: { claim: SubsidyClaim; action: { type: string; label: string }; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const t = action.type;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/subsidy/claims/${claim.id}/events`, { method: 'POST', body: { type: t, data: dataFor(t, form.getFieldsValue()) } });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${action.label}：${claim.claimedCase.caseNo}`} okText="确定" cancelText="取消" confirmLoading={busy} onOk={submit} onCancel={onClose}>
      <ErrorNotice error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ tier: claim.tier, result: 'CONFIRMED', amount: claim.amount ?? '0.00' }}>
        {TIER_EVENTS.includes(t) && (
          <Form.Item name="tier" label="补贴档次">
            <Select options={Object.entries(TIERS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))} />
          </Form.Item>
        )}
        {t === 'REJECT' && (
          <Form.Item name="reason" label="不予补贴理由">
            <Select options={Object.entries(REJECT_REASONS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {t === 'RECORD_CALL_BACK' && (
          <Form.Item name="result" label="回访结果">
            <Select options={[{ value: 'CONFIRMED', label: '当事人确认调解属实' }, { value: 'DENIED', label: '当事人称未经调解或情况不符' }]} />
          </Form.Item>
        )}
        {['RECORD_CALL_BACK', 'PAY', 'PUBLISH'].includes(t) && (
          <Form.Item name="date" label="日期">
            <DatePicker />
          </Form.Item>
        )}
        {t === 'CLAW_BACK' && (
          <Form.Item name="amount" label="追回金额（元）">
            <Input />
          </Form.Item>
        )}
        <Form.Item name="note" label={t === 'PAY' ? '支付凭证号' : t === 'PUBLISH' ? '公示批次' : '意见或说明'}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
