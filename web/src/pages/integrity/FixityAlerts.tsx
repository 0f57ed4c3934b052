import { WarningOutlined } from '@ant-design/icons';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { findingApi } from '../../api/index.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

// INT-3 on the home page (工作台): the agency's originals the scheduled fixity check found
// missing, changed or unreadable — open findings of kind object_fixity — for those who see the
// agency's findings. Shows nothing while there are none.
export function FixityAlerts({ agencyId, enabled }: { agencyId: string; enabled: boolean }) {
  const alerts = useLoad(() => findingApi.list(agencyId, { kind: 'object_fixity', status: 'open', page: 1, pageSize: 5 }), [agencyId], enabled && !!agencyId);
  const items = alerts.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 16 }}
      message={`原件完整性告警：${alerts.data?.total ?? items.length} 个原件缺失、被改动或无法读取`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item>
              <Space wrap>
                <Tag color="red">原件完整性</Tag>
                <span>{f.summary}</span>
                <Typography.Text type="secondary">首次发现于 {formatDateTime(f.firstSeenAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
          footer={<Link to="/findings">在「问题发现」中查看</Link>}
        />
      }
      data-testid="fixity-alerts"
    />
  );
}
