import { App, Button, Empty, Flex, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../api/client';
import type { Loaded } from '../api/hooks';
import { useShared } from '../api/hooks';
import type { OrgUser, Page, UnassignedCase } from '../api/types';
import { NextDeadlineTag, StateTag } from './CaseTags';
import { countText } from '../lib/format';
import { ErrorNotice } from './ErrorNotice';

/**
 * 待分配: the organisation's open cases nobody handles yet. A person who may be assigned claims one (认领); the
 * director gives one to a person of the organisation (分配). Both are entries of the case history.
 */
export function UnassignedQueue({ queue, onChanged, onPage }: { queue: Loaded<Page<UnassignedCase>>; onChanged: () => void; onPage: (page: number) => void }) {
  const { message } = App.useApp();
  const [assigning, setAssigning] = useState<UnassignedCase | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (queue.error) return <ErrorNotice error={queue.error} onRetry={queue.reload} />;

  const claim = async (c: UnassignedCase) => {
    setBusy(c.id);
    try {
      await api(`/cases/${c.id}/claim`, { method: 'POST', headers: { 'If-Match': `"${c.version}"` } });
      message.success(`已认领 ${c.caseNo}`);
      onChanged();
    } catch (error) {
      message.error(errorText(error));
      queue.reload();
    } finally {
      setBusy(null);
    }
  };

  const items = queue.data?.items ?? [];
  return (
    <>
      <List
        data-testid="unassigned-queue"
        loading={queue.loading}
        locale={{ emptyText: <Empty description="没有待分配的案件" /> }}
        dataSource={items}
        pagination={queue.data && queue.data.total > queue.data.pageSize ? { total: queue.data.total, current: queue.data.page, pageSize: queue.data.pageSize, onChange: onPage, size: 'small', showTotal: (n: number) => `共 ${countText({ total: n, totalCapped: queue.data!.totalCapped })} 件` } : false}
        renderItem={(c) => (
          <List.Item
            data-testid={`unassigned-${c.caseNo}`}
            actions={[
              c.canClaim ? (
                <Button key="claim" size="small" loading={busy === c.id} onClick={() => claim(c)}>
                  认领
                </Button>
              ) : null,
              c.canAssign ? (
                <Button key="assign" size="small" type="primary" onClick={() => setAssigning(c)}>
                  分配
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/cases/${c.id}`}>{c.caseNo}</Link>
                  <StateTag label={c.stateLabel} closed={c.closed} />
                  {c.overdue ? <Tag color="red">已逾期</Tag> : null}
                </Space>
              }
              description={
                <Flex vertical gap={2}>
                  <Typography.Text ellipsis>{c.summary}</Typography.Text>
                  <span>
                    {c.workflow.title} · 当事人：{c.partyNames.join('、')} · 期限：<NextDeadlineTag deadline={c.nextDeadline} />
                  </span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {assigning ? (
        <AssignModal
          target={assigning}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function AssignModal({ target, onClose, onDone }: { target: UnassignedCase; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const users = useShared<OrgUser[]>(`/organisations/mine/users?role=${encodeURIComponent(target.assigneeRole)}`);
  const [userId, setUserId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    if (!userId) return setError(new Error('请选择承办人'));
    setSaving(true);
    try {
      await api(`/cases/${target.id}/assign`, { method: 'POST', body: { userId }, headers: { 'If-Match': `"${target.version}"` } });
      message.success(`${target.caseNo} 已分配`);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`分配承办人 · ${target.caseNo}`} okText="分配" cancelText="取消" onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        <Select
          data-testid="assign-user"
          placeholder="选择承办人"
          loading={users.loading}
          value={userId}
          onChange={setUserId}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
        {error ? <Typography.Text type="danger">{errorText(error)}</Typography.Text> : null}
      </Flex>
    </Modal>
  );
}
