import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../api/hooks';

/** How often the bell asks for the unread count: one indexed count, cheap enough for every open console. */
const POLL_MS = 30_000;

export const NOTIFICATIONS_PATH = '/notifications';

/** Sent on the window when notifications were read here, so the bell counts again at once. */
export const NOTIFICATIONS_READ = 'fengqiao:notifications-read';

/** The header's bell: the person's unread notifications (their own and their organisation's), opening the list. */
export function NotificationBell() {
  const count = useApi<{ unread: number }>('/notifications/unread-count');
  const { reload } = count;
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener(NOTIFICATIONS_READ, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_READ, reload);
    };
  }, [reload]);
  // Recounted on every page change too, e.g. after reading them on the list.
  useEffect(reload, [location.pathname, location.search, reload]);
  const unread = count.data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-count">
      <Button
        type="text"
        aria-label={unread ? `通知（${unread} 条未读）` : '通知'}
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        onClick={() => navigate(NOTIFICATIONS_PATH)}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
