import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAccess } from '../api/channels';
import { useApi } from '../api/hooks';
import type { InboxView } from '../api/types';
import { useSession } from '../auth/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { InboxCountContext } from './inbox-count';
import { INBOX_PATH, menuFor } from './menu';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;

/**
 * The frame of every page after login: menu (a drawer on phones; its channel entries from the channels' manifests,
 * the 收案箱 with how many transfers wait), who is logged in, changing one's password, and logout.
 */
export function AppLayout() {
  const { me, logout, hasRole } = useSession();
  const screens = Grid.useBreakpoint();
  const desktop = !!screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const { access } = useAccess();
  const hasInbox = !!access && hasRole(...access.inboxRoles);
  const waiting = useApi<InboxView>(hasInbox ? '/inbox' : null, { pageSize: 1 });
  const { reload: recount } = waiting;
  // Recounted on every page change too: someone else of the organisation may have signed for a case meanwhile.
  const countedAt = useRef(location.pathname);
  useEffect(() => {
    if (countedAt.current === location.pathname) return;
    countedAt.current = location.pathname;
    if (hasInbox) recount();
  }, [location.pathname, hasInbox, recount]);
  const inboxCount = useMemo(() => ({ count: hasInbox ? waiting.data?.total : undefined, refresh: recount }), [hasInbox, waiting.data, recount]);

  const sections = menuFor(access);
  const items: ItemType[] = sections.flatMap(({ group, entries }): ItemType[] => {
    const visible = entries
      .filter((e) => !e.roles || hasRole(...e.roles))
      .map((e) => ({
        key: e.path,
        icon: e.icon,
        label:
          e.path === INBOX_PATH && inboxCount.count ? (
            <Flex justify="space-between" align="center">
              {e.label}
              <Badge count={inboxCount.count} size="small" aria-label={`${inboxCount.count} 件待签收`} />
            </Flex>
          ) : (
            e.label
          ),
      }));
    if (!visible.length) return [];
    return group ? [{ type: 'group' as const, key: group, label: group, children: visible }] : visible;
  });
  const allPaths = sections.flatMap((g) => g.entries.map((e) => e.path));
  const selected = allPaths.filter((p) => p === location.pathname || (p !== '/' && location.pathname.startsWith(`${p}/`) && !allPaths.includes(location.pathname))).slice(-1);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  // A demo name often says the role already (王秀英（枫源村调解员）): a role named there is not shown again beside it.
  const roleTags = me ? me.roleLabels.filter((r) => !me.displayName.includes(r)) : [];
  const who = me ? (
    <div data-testid="current-user">
      <div style={{ fontWeight: 600 }}>{me.displayName}</div>
      <div style={{ color: '#666', fontSize: 12 }}>{me.orgName}</div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        {roleTags.map((r) => (
          <Tag key={r} color="geekblue" style={{ marginInlineEnd: 0 }}>
            {r}
          </Tag>
        ))}
      </Space>
    </div>
  ) : null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: desktop ? 24 : 12, background: '#7a2e1e', lineHeight: 'normal' }}>
        {!desktop ? <Button type="text" aria-label="打开菜单" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} onClick={() => setDrawerOpen(true)} /> : null}
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', fontSize: desktop ? 20 : 17 }}>
          枫桥{desktop ? ' · 矛盾纠纷多元化解' : ''}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {me ? <NotificationBell /> : null}
        {desktop && me ? (
          <Space size={16} style={{ color: '#fff' }}>
            <span>
              {me.displayName} · {me.orgName}
            </span>
            <Space size={4}>
              {roleTags.map((r) => (
                <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
                  {r}
                </Tag>
              ))}
            </Space>
            <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              修改密码
            </Button>
            <Button icon={<LogoutOutlined />} onClick={logout}>
              退出登录
            </Button>
          </Space>
        ) : null}
        {!desktop && me ? (
          <Dropdown
            trigger={['click']}
            menu={{ items: [{ key: 'who', label: who, disabled: true }, { type: 'divider' }, { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setChangingPassword(true) }, { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout }] }}
          >
            <Avatar aria-label="当前用户" style={{ background: '#d4a017', cursor: 'pointer', flexShrink: 0 }} icon={<UserOutlined />} />
          </Dropdown>
        ) : null}
      </Header>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      <Layout>
        {desktop ? (
          <Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Sider>
        ) : (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title="枫桥" styles={{ body: { padding: 0 } }}>
            <div style={{ padding: 16, borderBottom: '1px solid #f0f0f0' }}>{who}</div>
            {menu}
          </Drawer>
        )}
        <Content style={{ padding: desktop ? 24 : 12, minWidth: 0 }}>
          <InboxCountContext.Provider value={inboxCount}>
            {/* A page loaded on first use waits inside the frame, so the menu stays where it was. */}
            <Suspense fallback={<Spin tip="正在加载…"><div style={{ height: 120 }} /></Spin>}>
              <Outlet />
            </Suspense>
          </InboxCountContext.Provider>
        </Content>
      </Layout>
    </Layout>
  );
}
