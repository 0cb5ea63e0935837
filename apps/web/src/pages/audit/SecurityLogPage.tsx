import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useApi, useShared } from '../../api/hooks';
import type { Page, SecurityEvent, SecurityLogVerify, Vocabulary } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chinaTime } from '../../lib/format';
import { describeSecurityDetail } from '../../lib/security-detail';

/** 安全日志: who read personal data, searched by identity number, exported, or changed an account — for auditors. */
export function SecurityLogPage() {
  const screens = Grid.useBreakpoint();
  const [filters, setFilters] = useState<{ kind?: string; actor?: string; page: number; pageSize: number }>({ page: 1, pageSize: 50 });
  const log = useApi<Page<SecurityEvent>>('/audit/security-log', filters);
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  const [verdict, setVerdict] = useState<SecurityLogVerify | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const verify = async () => {
    setVerifyError(null);
    try {
      setVerdict(await api<SecurityLogVerify>('/audit/security-log/verify'));
    } catch (e) {
      setVerifyError(e);
    }
  };

  const columns: ColumnsType<SecurityEvent> = [
    { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => chinaTime(at) },
    { title: '事件', dataIndex: 'kindLabel', width: 150 },
    { title: '操作人', width: 220, render: (_, e) => e.actor.name ?? e.actor.username ?? '—' },
    { title: '来源地址', dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
    { title: '案件', dataIndex: 'caseId', width: 110, render: (id: string | null) => (id ? <Link to={`/cases/${id}`}>查看</Link> : '—') },
    { title: '对象账号', width: 160, render: (_, e) => e.subject?.name ?? e.subject?.id ?? '—' },
    { title: '详情', dataIndex: 'detail', ellipsis: { showTitle: true }, render: (d: Record<string, unknown>) => describeSecurityDetail(d, vocabulary.data?.roles) },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          安全日志
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} onClick={verify}>
          校验日志链
        </Button>
      </Flex>
      <Card>
      {verdict && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verdict.ok ? 'success' : 'error'}
          message={verdict.ok ? `日志链完整：共 ${verdict.chains} 条链、${verdict.checked} 条记录` : `日志链在 ${verdict.firstBroken?.chainKey} 第 ${verdict.firstBroken?.seq} 条处断开`}
          description={verdict.firstBroken?.reason}
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label="事件类别"
          placeholder="事件类别"
          style={{ width: 200 }}
          options={(vocabulary.data?.securityEventKinds ?? []).map((k) => ({ value: k.code, label: k.label }))}
          onChange={(kind?: string) => setFilters({ ...filters, kind, page: 1 })}
        />
        <Input.Search allowClear placeholder="操作人用户名" style={{ width: 220 }} onSearch={(actor) => setFilters({ ...filters, actor: actor || undefined, page: 1 })} />
      </Flex>
      <ErrorNotice error={log.error ?? verifyError} style={{ marginBottom: 12 }} />
      <Table<SecurityEvent>
        rowKey={(e) => `${e.chain.key}:${e.chain.seq}`}
        size="middle"
        columns={columns}
        dataSource={log.data?.items ?? []}
        loading={log.loading}
        scroll={{ x: 1100 }}
        pagination={{
          total: log.data?.total ?? 0,
          current: filters.page,
          pageSize: filters.pageSize,
          simple: !screens.md,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        记录登录与锁定、退出与会话超时、密码修改与重置、查看个人信息明文、按身份证号或电话号码查询、数据导出和账号变更，保存不少于六个月（网络安全法第二十一条）；办理案件的操作记在各案的办理记录中。
      </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
