import { CheckCircleFilled, CloseOutlined, PauseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, List, Progress, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { fileSize } from './av-labels.js';
import type { UploadItem } from './useAvUploads.js';

const stateTags: Record<UploadItem['state'], { color: string; label: string }> = {
  hashing: { color: 'default', label: '计算校验值' },
  uploading: { color: 'processing', label: '上传中' },
  interrupted: { color: 'warning', label: '已中断' },
  done: { color: 'success', label: '已入库' },
  failed: { color: 'error', label: '未入库' },
};

/** Each file being sent: progress, 暂停 / 继续上传 after a drop, and the record once stored. */
export function UploadProgressList({ items, onResume, onPause, onDismiss }: { items: UploadItem[]; onResume: (key: string) => void; onPause: (key: string) => void; onDismiss: (key: string) => void }) {
  if (!items.length) return null;
  return (
    <List
      className="av-uploads"
      size="small"
      dataSource={items}
      data-testid="av-uploads"
      renderItem={(i) => {
        const pct = i.total ? Math.floor((i.sent / i.total) * 100) : 0;
        const tag = stateTags[i.state];
        return (
          <List.Item data-testid="av-upload-item" data-state={i.state}>
            <div className="av-upload-row">
              <div className="av-upload-head">
                <span className="av-upload-name">{i.file.name}</span>
                <Tag color={tag.color}>{tag.label}</Tag>
                <span className="muted">
                  {fileSize(i.sent)} / {fileSize(i.total)}
                  {i.hashed ? ' · 已声明 SHA-256' : ''}
                </span>
              </div>
              <Progress percent={i.state === 'done' ? 100 : pct} status={i.state === 'failed' ? 'exception' : i.state === 'done' ? 'success' : i.state === 'uploading' ? 'active' : 'normal'} size="small" />
              {i.message ? <div className={i.state === 'failed' ? 'av-error-text' : 'warn-text'}>{i.message}</div> : null}
            </div>
            <Space className="av-upload-actions">
              {i.state === 'uploading' ? (
                <Button icon={<PauseOutlined />} onClick={() => onPause(i.key)}>
                  暂停
                </Button>
              ) : null}
              {i.state === 'interrupted' ? (
                <Button type="primary" icon={<ReloadOutlined />} onClick={() => onResume(i.key)} data-testid="av-upload-resume">
                  继续上传
                </Button>
              ) : null}
              {i.state === 'done' && i.recordId ? (
                <Link to={`/av/${i.recordId}`} data-testid="av-upload-open">
                  <CheckCircleFilled className="av-ok" /> 打开整理
                </Link>
              ) : null}
              {i.state === 'done' || i.state === 'failed' ? <Button type="text" aria-label="移除" icon={<CloseOutlined />} onClick={() => onDismiss(i.key)} /> : null}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
