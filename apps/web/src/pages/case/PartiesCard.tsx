import { Alert, Card, Descriptions, Flex, Grid, Table, Tag } from 'antd';
import type { CaseView, Party } from '../../api/types';
import { hasPartyDetails, PartyDetails, yuan } from './PartyDetails';

/** The parties, masked as the API returns them for the person's role, with a note saying so. */
export function PartiesCard({ view }: { view: CaseView }) {
  const screens = Grid.useBreakpoint();
  return (
    <Card size="small" title="当事人" data-testid="parties" extra={<Amounts view={view} />}>
      {view.personalDataMasked ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="个人信息已部分隐去"
          description="按您的角色和与本案的关系，当事人的身份证号、联系电话和住址只显示部分内容（个人信息保护）。承办单位的办案人员可以看到完整信息。"
        />
      ) : null}
      {screens.md ? (
        <Table<Party>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.parties}
          scroll={{ x: 640 }}
          expandable={{ rowExpandable: hasPartyDetails, expandedRowRender: (p) => <PartyDetails party={p} />, defaultExpandAllRows: true }}
          columns={[
            { title: '身份', dataIndex: 'roleLabel', width: 90, render: (r: string) => <Tag>{r}</Tag> },
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '身份证号', dataIndex: 'idNumber', render: dash, width: 190 },
            { title: '联系电话', dataIndex: 'phone', render: dash, width: 130 },
            { title: '住址', dataIndex: 'address', render: dash },
          ]}
        />
      ) : (
        <Flex vertical gap={8}>
          {view.parties.map((p) => (
            <Descriptions
              key={p.id}
              size="small"
              bordered
              column={1}
              title={
                <span>
                  <Tag>{p.roleLabel}</Tag>
                  {p.name}
                </span>
              }
              items={[
                { key: 'id', label: '身份证号', children: <span className="break-anywhere">{dash(p.idNumber)}</span> },
                { key: 'phone', label: '联系电话', children: dash(p.phone) },
                { key: 'address', label: '住址', children: dash(p.address) },
                ...(hasPartyDetails(p) ? [{ key: 'more', label: '更多信息', children: <PartyDetails party={p} /> }] : []),
              ]}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function dash(value?: string) {
  return value || '—';
}

/** The amount in dispute and, once an agreement recorded one, the agreed amount. */
function Amounts({ view }: { view: CaseView }) {
  if (!view.amountInDispute && !view.agreementAmount) return null;
  return (
    <Flex gap={16} wrap>
      {view.amountInDispute ? <span data-testid="amount-in-dispute">争议金额：{yuan(view.amountInDispute)}</span> : null}
      {view.agreementAmount ? <span data-testid="agreement-amount">协议金额：{yuan(view.agreementAmount)}</span> : null}
    </Flex>
  );
}
