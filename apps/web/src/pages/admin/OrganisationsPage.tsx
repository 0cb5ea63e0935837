import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError, api, type FieldError } from '../../api/client';
import { forgetShared, useApi, useShared } from '../../api/hooks';
import type { AdminOrganisation, Vocabulary } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { showFieldErrors } from '../../lib/field-errors';

/** 单位管理: the organisation tree, and adding an organisation under a supervising one in a region. */
export function OrganisationsPage() {
  const { message } = App.useApp();
  const orgs = useApi<AdminOrganisation[]>('/admin/organisations');
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      const org = await api<AdminOrganisation>('/admin/organisations', { method: 'POST', body: values });
      message.success(`已新建单位：${org.name}`);
      setCreating(false);
      forgetShared('/organisations');
      orgs.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setUnplaced(showFieldErrors(form, e.fieldErrors));
      if (e instanceof ApiError && e.status === 409) form.setFields([{ name: /简称/.test(e.message) ? 'shortName' : 'name', errors: [e.message] }]);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<AdminOrganisation> = [
    { title: '单位名称', dataIndex: 'name', width: 240 },
    { title: '简称', dataIndex: 'shortName', width: 100 },
    { title: '类型', dataIndex: 'typeLabel', width: 200 },
    { title: '所在地区', dataIndex: 'regionName', width: 100 },
    { title: '上级单位', dataIndex: 'parentName', render: (n: string | null) => n ?? '—', ellipsis: true },
    { title: '在用账号', dataIndex: 'activeUsers', width: 90 },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          单位管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (setError(null), setUnplaced([]), setCreating(true))}>
          新建单位
        </Button>
      </Flex>
      <Card size="small">
        <ErrorNotice error={orgs.error} onRetry={orgs.reload} style={{ marginBottom: 12 }} />
        <Table<AdminOrganisation> rowKey="id" size="middle" columns={columns} dataSource={orgs.data ?? []} loading={orgs.loading} scroll={{ x: 950 }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      </Card>
      <Modal open={creating} title="新建单位" okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={() => setCreating(false)} confirmLoading={busy} destroyOnHidden>
        <ErrorNotice error={error instanceof ApiError && error.status === 400 ? new ApiError(400, null, '填写的内容有误，请按红色提示修改') : error} extraFieldErrors={unplaced} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} name="org-form" disabled={busy}>
          <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 100, message: '不能超过 100 个字' }]}>
            <Input placeholder="例如：新枫村人民调解委员会" />
          </Form.Item>
          <Form.Item label="简称" name="shortName" rules={[{ required: true, whitespace: true, message: '请填写简称' }, { max: 20, message: '简称不能超过 20 个字' }]} extra="用于案号，例如（2026）新枫调字第1号；须唯一">
            <Input />
          </Form.Item>
          <Form.Item label="单位类型" name="type" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select placeholder="请选择" options={(vocabulary.data?.orgTypes ?? []).map((t) => ({ value: t.code, label: t.label }))} />
          </Form.Item>
          <Form.Item label="所在地区" name="regionCode" rules={[{ required: true, message: '请选择所在地区' }]}>
            <RegionTreeSelect />
          </Form.Item>
          <Form.Item label="上级（指导）单位" name="parentId" extra="所在地区须在上级单位的辖区内">
            <Select allowClear placeholder="无" showSearch={{ optionFilterProp: 'label' }} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
