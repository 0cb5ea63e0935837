import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { MENU } from './menu';

const { Header, Sider, Content } = Layout;

/** The frame of every page after login: menu (a drawer on phones), who is logged in, and logout. */
export function AppLayout() {
  const { me, logout, hasRole } = useSession();
  const screens = Grid.useBreakpoint();
  const desktop = !!screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();

  const items: ItemType[] = MENU.flatMap(({ group, entries }): ItemType[] => {
    const visible = entries.filter((e) => !e.roles || hasRole(...e.roles)).map((e) => ({ key: e.path, icon: e.icon, label: e.label }));
    if (!visible.length) return [];
    return group ? [{ type: 'group' as const, key: group, label: group, children: visible }] : visible;
  });
  const allPaths = MENU.flatMap((g) => g.entries.map((e) => e.path));
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
  const who = me ? (
    <div data-testid="current-user">
      <div style={{ fontWeight: 600 }}>{me.displayName}</div>
      <div style={{ color: '#666', fontSize: 12 }}>{me.orgName}</div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        {me.roleLabels.map((r) => (
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
        {desktop && me ? (
          <Space size={16} style={{ color: '#fff' }}>
            <span>
              {me.displayName} · {me.orgName}
            </span>
            <Space size={4}>
              {me.roleLabels.map((r) => (
                <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
                  {r}
                </Tag>
              ))}
            </Space>
            <Button icon={<LogoutOutlined />} onClick={logout}>
              退出登录
            </Button>
          </Space>
        ) : null}
        {!desktop && me ? (
          <Dropdown
            trigger={['click']}
            menu={{ items: [{ key: 'who', label: who, disabled: true }, { type: 'divider' }, { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout }] }}
          >
            <Avatar aria-label="当前用户" style={{ background: '#d4a017', cursor: 'pointer', flexShrink: 0 }} icon={<UserOutlined />} />
          </Dropdown>
        ) : null}
      </Header>
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
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
