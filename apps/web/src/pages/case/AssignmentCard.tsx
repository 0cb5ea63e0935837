import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText } from '../../api/client';
import { useApi, useShared } from '../../api/hooks';
import type { CaseView, OrgUser } from '../../api/types';

const REASONS = [
  { value: 'WORKLOAD', label: '工作调整' },
  { value: 'RECUSAL', label: '当事人申请回避' },
  { value: 'OTHER', label: '其他原因' },
];

interface ReassignForm {
  userId: string;
  reasonKind: string;
  reason: string;
  partyId?: string;
}

/**
 * 承办人: who handles the case. The handling organisation's officials (those who manage its team) reassign it with a
 * reason; a 回避 names the party who asked. The change is an entry of the case history.
 */
export function AssignmentCard({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const team = useApi<{ canManage: boolean }>(`/cases/${encodeURIComponent(view.id)}/team`);
  const [open, setOpen] = useState(false);
  // The engine adds the role an assignee needs to the case's assignment.
  const assignment = view.assignment as CaseView['assignment'] & { assigneeRole?: string | null };
  if (!assignment.assigneeRole) return null;
  const canReassign = !!team.data?.canManage && !view.closed && !!assignment.assigneeId;
  return (
    <Card
      size="small"
      title="承办人"
      data-testid="assignment"
      extra={
        canReassign ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid="reassign">
            改派
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={1} items={[{ key: 'who', label: '承办人', children: assignment.assigneeName ?? '待分配' }, { key: 'org', label: '承办单位', children: assignment.orgName }]} />
      {open ? (
        <ReassignModal
          view={view}
          role={assignment.assigneeRole}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

function ReassignModal({ view, role, onClose, onDone }: { view: CaseView; role: string; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReassignForm>();
  const users = useShared<OrgUser[]>(`/organisations/mine/users?role=${encodeURIComponent(role)}`);
  const kind = Form.useWatch('reasonKind', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: ReassignForm) => {
    setSaving(true);
    setError(undefined);
    try {
      await api(`/cases/${view.id}/reassign`, { method: 'POST', body: { ...values, partyId: values.reasonKind === 'RECUSAL' ? values.partyId : undefined }, headers: { 'If-Match': `"${view.version}"` } });
      message.success('已改派');
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.problem?.errors?.length) form.setFields(e.problem.errors.map((f) => ({ name: f.field as keyof ReassignForm, errors: [f.messageZh ?? f.message] })));
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`改派承办人 · ${view.caseNo}`} okText="改派" cancelText="取消" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reasonKind: 'WORKLOAD' }}>
        <Form.Item label="新的承办人" name="userId" rules={[{ required: true, message: '请选择新的承办人' }]}>
          <Select
            data-testid="reassign-user"
            loading={users.loading}
            options={(users.data ?? []).filter((u) => u.id !== view.assignment.assigneeId).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item label="改派原因" name="reasonKind" rules={[{ required: true }]}>
          <Radio.Group options={REASONS} />
        </Form.Item>
        {kind === 'RECUSAL' ? (
          <Form.Item label="申请回避的当事人" name="partyId" rules={[{ required: true, message: '请选择申请回避的当事人' }]}>
            <Select options={view.parties.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item label="说明" name="reason" rules={[{ required: true, min: 2, message: '请说明改派的理由（至少 2 个字）' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error ? <div style={{ color: '#cf1322' }}>{error}</div> : null}
      </Form>
    </Modal>
  );
}
