import { BranchesOutlined, FieldTimeOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, List, Result, Row, Spin, Steps, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { documentApi, matterApi, unitApi, type Step } from '../api/index.js';
import { MatterAvPanel } from '../components/av/MatterAvPanel.js';
import { ClosingReadinessPanel } from '../components/closing/ClosingReadinessPanel.js';
import { DecisionModal, type DecisionTarget } from '../components/DecisionModal.js';
import { MatterDeadlinesPanel } from '../components/deadlines/MatterDeadlinesPanel.js';
import { DraftDocumentsModal } from '../components/DraftDocumentsModal.js';
import { LegalReviewPanel } from '../components/legal-review/LegalReviewPanel.js';
import { MatterCreateModal } from '../components/MatterCreateModal.js';
import { Guard, Page } from '../components/Page.js';
import { RightsPanel } from '../components/rights/RightsPanel.js';
import { ServicePanel } from '../components/service/ServicePanel.js';
import { FinePaymentCard } from '../components/payment/FinePaymentCard.js';
import { StepList } from '../components/StepList.js';
import { StepRecordModal } from '../components/StepRecordModal.js';
import { categoryName, idTypeLabels, matterStatusColors, matterStatusLabels, PHASE_ORDER, phaseLabel, startRouteLabel } from '../matter-labels.js';
import { useSession } from '../session.js';
import { documentsOf } from '../util/documents.js';
import { partyFacts, partyKindLabel } from '../util/party.js';
import { requiredDocumentGroups } from '../../../src/rules/matters/required-documents.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { useOfficers } from '../util/useOfficers.js';

export function MatterPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <MatterView />
    </Guard>
  );
}

/** One matter (CASE-2, CASE-4): phases, parties, officers, steps with approvals and documents. */
function MatterView() {
  const { matterId = '' } = useParams();
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const detail = useLoad(() => matterApi.get(agencyId, matterId), [agencyId, matterId]);
  const timeline = useLoad(() => matterApi.timeline(agencyId, matterId), [agencyId, matterId]);
  const types = useLoad(() => documentApi.types(), []);
  const units = useLoad(() => unitApi.list(agencyId), [agencyId]);
  const { officers, mine } = useOfficers();
  const [recording, setRecording] = useState(false);
  const [drafting, setDrafting] = useState<Step | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const [following, setFollowing] = useState(false);
  const canWork = access.can.workOnMatters;
  const reload = () => {
    detail.reload();
    timeline.reload();
  };

  const d = detail.data;
  if (!d) return detail.loading ? <Spin /> : <Result status="404" title="未找到该执法事项" />;
  const m = d.matter;
  const current = PHASE_ORDER.indexOf(m.phase);
  const docs = documentsOf(timeline.data);
  const approvals = (timeline.data?.entries ?? []).filter((e) => e.kind === 'approval');
  const open = m.status === 'open';

  return (
    <Page
      title={m.title}
      description={
        <span className="matter-sub" data-testid="matter-number">
          {m.number} · {categoryName(m.category)} · {startRouteLabel(m.startRoute)}
        </span>
      }
      extra={
        <div className="page-actions">
          <Button icon={<FieldTimeOutlined />} onClick={() => navigate(`/matters/${m.id}/timeline`)} data-testid="open-timeline">
            全过程时间线
          </Button>
          {canWork ? (
            <Button icon={<BranchesOutlined />} onClick={() => setFollowing(true)} data-testid="matter-follow-up">
              发起后续事项
            </Button>
          ) : null}
          {canWork && open ? (
            <Button type="primary" icon={<PlusCircleOutlined />} disabled={!d.nextSteps.length} onClick={() => setRecording(true)} data-testid="record-step">
              记录环节
            </Button>
          ) : null}
        </div>
      }
    >
      <Card className="section-card phase-card">
        <div className="phase-status">
          <Tag color={matterStatusColors[m.status]} data-testid="matter-status">
            {matterStatusLabels[m.status] ?? m.status}
          </Tag>
          {m.emergencyStartedAt && !m.retroReportedAt ? <Tag color="red">紧急先行启动，须 24 小时内补报审批</Tag> : null}
          {m.originMatterId ? (
            <Link to={`/matters/${m.originMatterId}`} data-testid="origin-link">
              查看来源事项
            </Link>
          ) : null}
        </div>
        <Steps
          current={current}
          status={m.status === 'open' ? 'process' : 'finish'}
          items={PHASE_ORDER.map((p) => ({ title: phaseLabel(p) }))}
          responsive={false}
          size="small"
          data-testid="phase-steps"
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="当事人" className="fill-card" size="small">
            <List
              dataSource={d.parties}
              locale={{ emptyText: '无当事人' }}
              renderItem={(p) => (
                <List.Item>
                  <div>
                    <b>{p.name}</b> <Tag>{partyKindLabel(p.kind)}</Tag>
                    <div className="muted party-facts" data-testid="party-facts">
                      {partyFacts(p).map(([label, value], i) => (
                        <span key={label}>
                          {i ? ' · ' : ''}
                          {label}：<span className={label === idTypeLabels[p.idType] ? 'mono' : undefined}>{value}</span>
                        </span>
                      ))}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="承办执法人员" className="fill-card" size="small">
            <Descriptions
              column={1}
              size="small"
              items={d.officers.map((o) => ({ key: o.id, label: o.lead ? '主办' : '协办', children: <span>{o.name} <span className="mono muted">执法证 {o.certificateNo}</span></span> }))}
            />
            <div className="muted small-gap">登记于 {formatDateTime(m.createdAt)}</div>
          </Card>
        </Col>
      </Row>
      <Card title="环节与审批" className="section-card" style={{ marginTop: 16 }} extra={<span className="card-hint">可记录：{d.nextSteps.map((s) => s.label).join('、') || '无'}</span>}>
        <StepList
          agencyId={agencyId}
          detail={d}
          officers={officers}
          approvals={approvals}
          docs={docs}
          types={types.data ?? []}
          onDecide={(s) => setDeciding({ matterId: m.id, matterNumber: m.number, step: s })}
          onDraft={setDrafting}
          onChanged={reload}
        />
      </Card>
      <MatterDeadlinesPanel detail={d} />
      <ClosingReadinessPanel detail={d} />
      <LegalReviewPanel detail={d} onChanged={reload} />
      <ServicePanel detail={d} docs={docs} types={types.data ?? []} onRecorded={reload} />
      <RightsPanel detail={d} docs={docs} types={types.data ?? []} />
      <FinePaymentCard detail={d} />
      <MatterAvPanel detail={d} compact />
      <StepRecordModal
        open={recording}
        agencyId={agencyId}
        detail={d}
        officers={officers}
        onClose={() => setRecording(false)}
        onRecorded={(s) => {
          setRecording(false);
          reload();
          // Offered at once only where the step needs a document; papers it merely may have (a
          // 案件来源登记表 on 启动行政检查) stay under the step's 文书 button.
          if (requiredDocumentGroups(types.data ?? [], m.category, s.step).length) setDrafting({ ...s, label: s.label });
        }}
      />
      <DraftDocumentsModal agencyId={agencyId} detail={d} step={drafting} types={types.data ?? []} officers={officers} existing={docs} onClose={() => setDrafting(null)} />
      <DecisionModal agencyId={agencyId} target={deciding} onClose={() => setDeciding(null)} onDone={() => (setDeciding(null), reload())} />
      <MatterCreateModal
        open={following}
        agencyId={agencyId}
        officers={officers}
        units={units.data ?? []}
        myOfficerId={mine?.id}
        origin={{ matter: m, parties: d.parties }}
        onClose={() => setFollowing(false)}
        onCreated={(n) => (setFollowing(false), navigate(`/matters/${n.id}`))}
      />
    </Page>
  );
}
