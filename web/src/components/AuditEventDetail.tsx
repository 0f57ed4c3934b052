import { Col, Descriptions, Row, Typography } from 'antd';
import type { AuditEvent } from '../api/index.js';

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="json-block">
      <div className="json-title">{title}</div>
      {value === null || value === undefined ? (
        <Typography.Text type="secondary">（无）</Typography.Text>
      ) : (
        <pre>{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

/** The expanded row of an audit event: before/after, details, the request's origin and the content hash. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  return (
    <div className="audit-detail" data-testid={`audit-detail-${event.seq}`}>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          { key: 'hash', label: '内容哈希', children: <Typography.Text className="mono" copyable>{event.contentHash}</Typography.Text> },
          { key: 'object', label: '对象 ID', children: <span className="mono">{event.objectId ?? '—'}</span> },
          { key: 'ua', label: '客户端', children: event.userAgent ?? '—' },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col xs={24} md={event.details ? 8 : 12}>
          <Json title="变更前" value={event.before} />
        </Col>
        <Col xs={24} md={event.details ? 8 : 12}>
          <Json title="变更后" value={event.after} />
        </Col>
        {event.details ? (
          <Col xs={24} md={8}>
            <Json title="其他信息" value={event.details} />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
