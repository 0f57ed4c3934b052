import { AudioOutlined, FileImageOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Empty, List, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { avApi, type AvRecordListItem } from '../../api/av.js';
import { formatDateTime } from '../../util/time.js';
import { avKindLabels, clock, fileSize, storageDelay } from './av-labels.js';
import './av.css';

/**
 * The poster of a video or the thumbnail of a photo, once the background job has made it. Taken
 * from the list row: opening each record would record a view of every one (INT-1).
 */
function Still({ agencyId, record }: { agencyId: string; record: AvRecordListItem }) {
  const src = record.stillId ? avApi.derivativeUrl(agencyId, record.id, record.stillId) : null;
  const Icon = record.kind === 'photo' ? FileImageOutlined : record.kind === 'audio' ? AudioOutlined : VideoCameraOutlined;
  return <div className="av-still">{src ? <img src={src} alt={record.title ?? record.originalFileName ?? ''} loading="lazy" data-testid="av-still" /> : <Icon />}</div>;
}

/**
 * The records of a matter (or not yet linked to one): still, kind, duration, 待整理/已整理 (AV-5),
 * and when it was stored against when the recording ended (AV-4).
 */
export function AvRecordList({ agencyId, records, loading, stepLabel, empty = '尚无音像记录' }: { agencyId: string; records: AvRecordListItem[]; loading?: boolean; stepLabel?: (stepId: string) => string | undefined; empty?: string }) {
  return (
    <List
      className="av-list"
      loading={loading}
      dataSource={records}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      data-testid="av-list"
      renderItem={(r) => {
        const duration = r.mediaFacts?.durationSeconds;
        const step = r.stepId ? stepLabel?.(r.stepId) : undefined;
        const delay = storageDelay(r);
        return (
          <List.Item data-testid="av-record" data-kind={r.kind}>
            <Link to={`/av/${r.id}`} className="av-row">
              <Still agencyId={agencyId} record={r} />
              <div className="av-row-body">
                <div className="av-row-title">
                  <span>{r.title || r.originalFileName || '未命名'}</span>
                  <Tag>{avKindLabels[r.kind] ?? r.kind}</Tag>
                  {r.organisedAt ? (
                    <Tag color="green" data-testid="av-status">
                      已整理
                    </Tag>
                  ) : (
                    <Tag color="orange" data-testid="av-status">
                      待整理
                    </Tag>
                  )}
                  {r.recordedBy === 'party' ? <Tag color="purple">当事人提供</Tag> : null}
                </div>
                <div className="av-row-meta muted">
                  {duration ? <span>时长 {clock(duration)}</span> : null}
                  <span>{fileSize(r.size)}</span>
                  {step ? <span>环节：{step}</span> : null}
                  {r.place ? <span>{r.place}</span> : null}
                </div>
                <div className="av-row-meta muted">
                  <span>录制结束 {formatDateTime(r.endedAt)}</span>
                  <span>上传 {formatDateTime(r.ingestedAt)}</span>
                  {delay ? (
                    <Tooltip title={r.lateReason ? `原因：${r.lateReason}` : undefined}>
                      <span className={r.lateReason ? 'warn-text' : undefined}>{delay}</span>
                    </Tooltip>
                  ) : null}
                </div>
              </div>
            </Link>
          </List.Item>
        );
      }}
    />
  );
}
