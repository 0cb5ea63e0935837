import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Form, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError, api, type FieldError } from '../../api/client';
import { forgetShared, useApi, useShared } from '../../api/hooks';
import type { AdminOrganisation, AdminUser, Page, Vocabulary } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { showFieldErrors } from '../../lib/field-errors';

type Editing = { mode: 'create' } | { mode: 'edit'; user: AdminUser } | { mode: 'password'; user: AdminUser };

/** 用户管理: accounts, their roles and organisation; create, change, deactivate / reactivate, reset a password. */
export function UsersPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [filters, setFilters] = useState<{ q?: string; orgId?: string; active?: boolean; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const users = useApi<Page<AdminUser>>('/admin/users', filters);
  const orgs = useApi<AdminOrganisation[]>('/admin/organisations');
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rowError, setRowError] = useState<unknown>(null);

  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const roleOptions = (vocabulary.data?.roles ?? []).map((r) => ({ value: r.code, label: r.label }));

  const setActive = async (user: AdminUser, active: boolean) => {
    setRowError(null);
    try {
      await api(`/admin/users/${user.id}`, { method: 'PATCH', body: { active } });
      message.success(`${active ? '已启用' : '已停用'}：${user.displayName}`);
      users.reload();
    } catch (e) {
      setRowError(e);
    }
  };

  const unlock = async (user: AdminUser) => {
    setRowError(null);
    try {
      await api(`/admin/users/${user.id}/unlock`, { method: 'POST' });
      message.success(`已解锁：${user.displayName}`);
      users.reload();
    } catch (e) {
      setRowError(e);
    }
  };

  const columns: ColumnsType<AdminUser> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 220 },
    { title: '角色', dataIndex: 'roleLabels', render: (labels: string[]) => labels.map((l) => <Tag key={l}>{l}</Tag>), width: 200 },
    { title: '所属单位', dataIndex: 'orgName', ellipsis: true },
    { title: '状态', dataIndex: 'active', width: 130, render: (a: boolean, u) => (
        <>
          {a ? <Tag color="green">启用</Tag> : <Tag color="red">停用</Tag>}
          {u.lockedUntil && <Tag color="orange" title={`登录失败次数过多，锁定至 ${new Date(u.lockedUntil).toLocaleString('zh-CN')}`}>已锁定</Tag>}
        </>
      ) },
    {
      title: '操作',
      width: 230,
      render: (_, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing({ mode: 'edit', user: u })}>
            修改
          </Button>
          <Button size="small" onClick={() => setEditing({ mode: 'password', user: u })}>
            重置密码
          </Button>
          {u.lockedUntil && (
            <Button size="small" onClick={() => unlock(u)}>
              解锁
            </Button>
          )}
          {u.active ? (
            <Popconfirm title={`停用 ${u.displayName}？`} description="停用后不能登录，已登录的会话随即失效。" okText="停用" cancelText="取消" onConfirm={() => setActive(u, false)} disabled={u.id === me?.id}>
              <Button size="small" danger disabled={u.id === me?.id}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => setActive(u, true)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          新建用户
        </Button>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 220 }} onSearch={(q) => setFilters({ ...filters, q: q || undefined, page: 1 })} />
          <Select allowClear placeholder="所属单位" style={{ width: 260, maxWidth: '100%' }} options={orgOptions} showSearch={{ optionFilterProp: 'label' }} onChange={(orgId) => setFilters({ ...filters, orgId, page: 1 })} />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            options={[
              { value: 'true', label: '启用' },
              { value: 'false', label: '停用' },
            ]}
            onChange={(v?: string) => setFilters({ ...filters, active: v === undefined ? undefined : v === 'true', page: 1 })}
          />
        </Flex>
        <ErrorNotice error={users.error ?? rowError} style={{ marginBottom: 12 }} />
        <Table<AdminUser>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.loading}
          scroll={{ x: 1000 }}
          pagination={{
            total: users.data?.total ?? 0,
            current: filters.page,
            pageSize: filters.pageSize,
            simple: !screens.md,
            showTotal: (n) => `共 ${n} 个账号`,
            onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
          }}
        />
      </Card>
      <UserModal
        editing={editing}
        orgOptions={orgOptions}
        roleOptions={roleOptions}
        onClose={() => setEditing(null)}
        onSaved={(text) => {
          message.success(text);
          setEditing(null);
          forgetShared('/organisations/mine/users');
          users.reload();
        }}
      />
    </Flex>
  );
}

interface ModalProps {
  editing: Editing | null;
  orgOptions: { value: string; label: string }[];
  roleOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

function UserModal({ editing, orgOptions, roleOptions, onClose, onSaved }: ModalProps) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const mode = editing?.mode;

  const submit = async (values: Record<string, unknown>) => {
    if (!editing) return;
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      if (editing.mode === 'create') {
        const user = await api<AdminUser>('/admin/users', { method: 'POST', body: values });
        onSaved(`已创建用户 ${user.username}`);
      } else if (editing.mode === 'edit') {
        await api<AdminUser>(`/admin/users/${editing.user.id}`, { method: 'PATCH', body: values });
        onSaved(`已保存 ${editing.user.displayName} 的修改`);
      } else {
        await api(`/admin/users/${editing.user.id}/password`, { method: 'POST', body: { password: values.password } });
        onSaved(`已重置 ${editing.user.displayName} 的密码`);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setUnplaced(showFieldErrors(form, e.fieldErrors));
      // A taken username is a conflict with another account: say so at the field.
      if (e instanceof ApiError && e.status === 409 && editing.mode === 'create' && /用户名/.test(e.message)) form.setFields([{ name: 'username', errors: [e.message] }]);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const title = !editing ? '' : editing.mode === 'create' ? '新建用户' : editing.mode === 'edit' ? `修改用户：${editing.user.username}` : `重置密码：${editing.user.displayName}`;
  const initial = editing?.mode === 'edit' ? { displayName: editing.user.displayName, roles: editing.user.roles, orgId: editing.user.orgId } : { roles: [] };
  return (
    <Modal open={!!editing} title={title} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden afterOpenChange={(open) => !open && (setError(null), setUnplaced([]))}>
      <ErrorNotice error={error instanceof ApiError && error.status === 400 ? new ApiError(400, null, '填写的内容有误，请按红色提示修改') : error} extraFieldErrors={unplaced} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false} name="user-form" disabled={busy}>
        {mode === 'create' ? (
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3 至 32 位小写字母、数字或 _ . -，以字母开头' }]} extra="用于登录，创建后不能修改">
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        {mode !== 'password' ? (
          <>
            <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100, message: '不能超过 100 个字' }]}>
              <Input />
            </Form.Item>
            <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
              <Select options={orgOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" />
            </Form.Item>
            <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
              <Checkbox.Group options={roleOptions} />
            </Form.Item>
          </>
        ) : null}
        {mode !== 'edit' ? (
          <Form.Item label={mode === 'create' ? '初始密码' : '新密码'} name="password" rules={[{ required: true, message: '请填写密码' }]} extra="须符合密码规则（由系统检查：长度、字符种类、不含用户名、不与最近用过的密码相同）；请通过安全的方式告知本人，并提醒其尽快登录后修改">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
