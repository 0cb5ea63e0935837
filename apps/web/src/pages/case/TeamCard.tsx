import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useApi } from '../../api/hooks';
import { chinaTime } from '../../lib/format';

interface TeamMember {
  userId: string;
  name: string;
  orgId: string;
  orgName: string;
  caseRole: string;
  caseRoleLabel: string;
  /** 协助调解员 for a colleague of the handling organisation, the case role's label otherwise. */
  roleOnCase: string;
  addedAt: string;
  addedBy: { id: string; name: string };
  reason: string;
  removedAt?: string;
  removalReason?: string;
}

interface TeamView {
  members: TeamMember[];
  former: TeamMember[];
  caseRoles: { code: string; label: string }[];
  canManage: boolean;
}

interface Candidate {
  userId: string;
  name: string;
  orgName: string;
  roles: { code: string; label: string }[];
  caseRoles: string[];
}

/**
 * 联合调解: the case's team — members of other organisations, each with a role on this case, and co-mediators of the
 * handling committee — and, for its officials, inviting a member and removing one with a reason. Both are entries of the case history.
 */
export function TeamCard({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const team = useApi<TeamView>(`/cases/${encodeURIComponent(caseId)}/team`);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const changed = () => {
    team.reload();
    onChanged();
  };
  const data = team.data;
  return (
    <Card
      size="small"
      title="案件团队（联合调解）"
      data-testid="case-team"
      extra={
        data?.canManage ? (
          <Button size="small" type="primary" onClick={() => setInviting(true)} data-testid="invite-member">
            邀请成员
          </Button>
        ) : null
      }
    >
      {team.error ? <Alert type="error" showIcon message={errorText(team.error)} /> : null}
      {data && !data.members.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案暂无其他单位的团队成员" /> : null}
      {data?.members.length ? (
        <List
          size="small"
          dataSource={data.members}
          renderItem={(m) => (
            <List.Item
              data-testid="team-member"
              actions={data.canManage ? [<Button key="remove" size="small" danger onClick={() => setRemoving(m)}>移出</Button>] : []}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex wrap gap={4} align="center">
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Tag color="geekblue">{m.roleOnCase}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.orgName} · {chinaTime(m.addedAt)} 由 {m.addedBy.name} 邀请：{m.reason}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      {data?.former.length ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          曾参与：{data.former.map((m) => `${m.name}（${m.roleOnCase}，${m.removalReason ?? ''}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
      {data ? <InviteModal caseId={caseId} open={inviting} caseRoles={data.caseRoles} onClose={() => setInviting(false)} onDone={() => (setInviting(false), changed())} /> : null}
      <RemoveModal caseId={caseId} member={removing} onClose={() => setRemoving(null)} onDone={() => (setRemoving(null), changed())} />
    </Card>
  );
}

function InviteModal({ caseId, open, caseRoles, onClose, onDone }: { caseId: string; open: boolean; caseRoles: TeamView['caseRoles']; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const caseRole: string | undefined = Form.useWatch('caseRole', form);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    api<Candidate[]>(`/cases/${encodeURIComponent(caseId)}/team/candidates`, { query: { q, caseRole }, signal: controller.signal }).then(setCandidates, () => undefined);
    return () => controller.abort();
  }, [open, q, caseRole, caseId]);
  useEffect(() => {
    if (open) (form.resetFields(), setError(null), setQ(''));
  }, [open, form]);

  const submit = async (values: { caseRole: string; userId: string; reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/team`, { method: 'POST', body: values });
      message.success('已邀请团队成员');
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="邀请团队成员" open={open} onCancel={onClose} onOk={() => form.submit()} okText="邀请" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} name="invite-member" disabled={busy}>
        <Form.Item name="caseRole" label="团队角色" rules={[{ required: true, message: '请选择团队角色' }]}>
          <Select options={caseRoles.map((r) => ({ value: r.code, label: r.label }))} placeholder="调解员、交警、法官、律师" />
        </Form.Item>
        <Form.Item name="userId" label="人员" rules={[{ required: true, message: '请选择被邀请的人员' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder="输入姓名或单位名称搜索"
            options={candidates.map((c) => ({ value: c.userId, label: `${c.name} · ${c.orgName}（${c.roles.map((r) => r.label).join('、')}）` }))}
            notFoundContent="没有符合条件的人员"
          />
        </Form.Item>
        <Form.Item name="reason" label="邀请理由" rules={[{ required: true, min: 2, message: '请填写邀请理由（至少2个字）' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemoveModal({ caseId, member, onClose, onDone }: { caseId: string; member: TeamMember | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (member) (form.resetFields(), setError(null));
  }, [member, form]);
  const submit = async ({ reason }: { reason: string }) => {
    if (!member) return;
    setBusy(true);
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/team/${encodeURIComponent(member.userId)}`, { method: 'DELETE', body: { reason } });
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={member ? `移出 ${member.name}（${member.roleOnCase}）` : ''} open={!!member} onCancel={onClose} onOk={() => form.submit()} okText="移出" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy}>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">移出后，该成员立即不能再查看或办理本案。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="remove-member" disabled={busy}>
        <Form.Item name="reason" label="移出理由" rules={[{ required: true, min: 2, message: '请填写移出理由（至少2个字）' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
