import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  type AppNotification,
  markAllRead,
  markRead,
  myNotifications,
  type NotificationPage,
} from '../../api/notifications.ts';
import { useNarrow } from '../../hooks/use-narrow.ts';

/** The bell in the header: unread count, the latest notifications, mark read (DESIGN §7). */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    myNotifications()
      .then(setPage)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    // New reminders arrive from the server's scheduler; a minute is soon enough.
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [load]);
  const openItem = async (n: AppNotification) => {
    if (!n.readAt) await markRead(n.id).catch(() => undefined);
    setOpen(false);
    load();
    if (n.link) void navigate(n.link);
  };
  const unread = page?.unread ?? 0;
  const content = (
    <div className="notification-list" data-testid="notification-list">
      <List
        size="small"
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={page?.items ?? []}
        renderItem={(n) => (
          <List.Item
            className={n.readAt ? 'notification-read' : 'notification-unread'}
            onClick={() => void openItem(n)}
            style={{ cursor: 'pointer' }}
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {n.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {n.createdAt.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {unread > 0 && (
        <Button
          type="link"
          block
          onClick={() => {
            void markAllRead().then(load);
          }}
        >
          {t('notifications.readAll')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
      }}
      title={t('notifications.title')}
      content={content}
      placement="bottomRight"
      // On a phone the bell is not at the header's right edge: the panel spans the screen instead
      // of hanging off its left side (issue 14).
      arrow={!narrow}
      classNames={{
        root: narrow ? 'notification-popover notification-popover-narrow' : 'notification-popover',
      }}
      styles={{ root: narrow ? {} : { width: 360 } }}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          className="app-header-link notification-bell"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell', { count: unread })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
