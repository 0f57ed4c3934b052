import { AuditOutlined, FileSearchOutlined, FolderOpenOutlined, RollbackOutlined } from '@ant-design/icons';
import { Badge, Card, Col, List, Row, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { findingApi, matterApi } from '../api/index.js';
import { categoryName, phaseLabel } from '../matter-labels.js';
import { findingStateColors, findingStateLabels } from '../rules-labels.js';
import { useSession } from '../session.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { useOfficers } from '../util/useOfficers.js';

/**
 * The officer's own work (issue 4): my open matters, what waits for me (approvals I decide, steps
 * of mine that were returned), and the findings on my matters.
 */
export function MyWork() {
  const { agency } = useSession();
  const agencyId = agency?.id ?? '';
  const { mine, loaded } = useOfficers();
  const officerId = mine?.id;
  const matters = useLoad(() => matterApi.search(agencyId, { officerId, status: 'open', pageSize: 20 }), [agencyId, officerId], !!officerId);
  const queue = useLoad(() => matterApi.queue(agencyId), [agencyId], !!agencyId);
  const findings = useLoad(() => findingApi.list(agencyId, { officerId, status: 'open', pageSize: 8 }), [agencyId, officerId], !!officerId);
  // Steps of my matters returned to me, in one request: opening each matter would record a view
  // of every one of them (INT-1) although nobody opened them.
  const returnedSteps = useLoad(() => matterApi.returned(agencyId), [agencyId], !!agencyId);
  const returned = (returnedSteps.data ?? []).map((r) => ({ s: r.step, m: r.matter }));
  const numberOf = (id: string) => matters.data?.items.find((m) => m.id === id)?.number ?? '事项';

  if (loaded && !mine && !(queue.data ?? []).length) return null;
  return (
    <Row gutter={[16, 16]} className="my-work" data-testid="my-work">
      <Col xs={24} lg={12}>
        <Card title={<span><FolderOpenOutlined /> 我承办的事项</span>} size="small" className="fill-card" extra={<Link to="/matters">全部事项</Link>} data-testid="my-matters">
          <List
            size="small"
            loading={!loaded || matters.loading}
            dataSource={matters.data?.items ?? []}
            locale={{ emptyText: mine || !loaded ? '没有办理中的事项' : '您的账号未关联执法人员，不能承办事项' }}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/matters/${m.id}`} className="my-line">
                  {m.title}
                  <div className="mono muted">{m.number}</div>
                </Link>
                <span className="no-wrap">
                  <Tag>{categoryName(m.category).replace(/（.*）/, '')}</Tag>
                  <Tag color="blue">{phaseLabel(m.phase)}</Tag>
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={<span><AuditOutlined /> 待我处理 <Badge count={(queue.data?.length ?? 0) + returned.length} /></span>} size="small" className="fill-card" extra={<Link to="/approvals">待审批</Link>} data-testid="my-waiting">
          <List
            size="small"
            loading={queue.loading || returnedSteps.loading}
            dataSource={[
              ...(queue.data ?? []).map((q) => ({ key: q.step.id, to: `/matters/${q.matter.id}`, text: `${q.matter.number} ${q.step.label}`, tag: <Tag color="orange">{q.step.approvalStage === 'approve' ? '待批准' : '待审核'}</Tag> })),
              ...returned.map(({ s, m }) => ({ key: s.id, to: `/matters/${m.id}`, text: `${m.number} ${s.label}`, tag: <Tag color="red" icon={<RollbackOutlined />}>被退回</Tag> })),
            ]}
            locale={{ emptyText: '暂无待办' }}
            renderItem={(i) => (
              <List.Item>
                <Link to={i.to} className="my-line">
                  {i.text}
                </Link>
                {i.tag}
              </List.Item>
            )}
          />
        </Card>
      </Col>
      {mine ? (
        <Col xs={24}>
          <Card title={<span><FileSearchOutlined /> 我的事项中发现的问题</span>} size="small" extra={<Link to="/findings">问题发现</Link>} data-testid="my-findings">
            <List
              size="small"
              loading={findings.loading}
              dataSource={findings.data?.items ?? []}
              locale={{ emptyText: '没有未解决的问题' }}
              renderItem={(f) => (
                <List.Item>
                  <Link to={`/matters/${f.matterId}`} className="my-line">
                    <span className="mono">{numberOf(f.matterId)}</span> {f.summary}
                  </Link>
                  <span className="no-wrap">
                    <Tag color={findingStateColors[f.state]}>{findingStateLabels[f.state]}</Tag>
                    <span className="muted">{formatDateTime(f.dueAt).slice(5, 16)}</span>
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
