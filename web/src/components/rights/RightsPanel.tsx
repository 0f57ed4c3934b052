import { Alert, App, Button, Card, List, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { REQUEST_CHANNEL_LABELS, STATEMENT_FORM_LABELS, type RequestChannel, type StatementForm } from '../../../../src/rules/rights/vocabulary.js';
import type { DocType, MatterDetail } from '../../api/index.js';
import { avApi } from '../../api/av.js';
import { rightsApi, type HearingWindow, type RightsRecord } from '../../api/rights.js';
import { useSession } from '../../session.js';
import type { MatterDoc } from '../../util/documents.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';
import { useOfficers } from '../../util/useOfficers.js';
import type { Option, RightsMode } from './RightsFormFields.js';
import { RightsRecordModal } from './RightsRecordModal.js';

const windowColors: Record<HearingWindow['state'], string> = { open: 'blue', expired: 'default', requested: 'green' };
const outcomeColors: Record<string, string> = { accepted: 'green', adopted: 'green', granted: 'orange', partly: 'gold', refused: 'red', not_adopted: 'red' };

/** One line of what a record says, in the words people use (no ids, no enum keys). */
function summaryOf(r: RightsRecord): string {
  const d = r.details;
  switch (r.kind) {
    case 'statement':
    case 'waiver':
      return `${STATEMENT_FORM_LABELS[d.form as StatementForm] ?? ''}：${d.content ?? ''}`;
    case 'statement_review':
      return d.reasons ? `理由：${d.reasons}` : '';
    case 'hearing_request':
      return `${REQUEST_CHANNEL_LABELS[d.channel as RequestChannel] ?? ''} · 告知书 ${d.noticeServedDay} 送达，期限至 ${d.due}${d.reason ? ` · ${d.reason}` : ''}`;
    case 'hearing_scheduled':
      return `${formatDateTime(d.scheduledAt)} · ${d.place} · 主持人 ${d.hostName} · ${d.public ? '公开' : '不公开'}${d.noticeServedOn ? ` · 通知书 ${d.noticeServedOn} 送达` : ' · 通知书尚未送达'}`;
    case 'hearing_held':
      return `参加人员：${d.attendees} · ${d.summary}`;
    case 'recusal_request':
      return `申请 ${d.against} 回避：${d.reason}`;
    case 'recusal_decision':
      return `决定人 ${d.decidedBy}${d.reason ? ` · ${d.reason}` : ''}`;
    case 'refusal':
      return `${d.what}${d.witnessName ? ` · 见证人 ${d.witnessName}` : ''}${r.avRecordId ? ' · 有音像记录' : ''}`;
    default:
      return '';
  }
}

/**
 * 当事人权利 (CASE-8, CASE-9) on the matter page: each party's hearing-request window from the
 * served 行政处罚事先告知书 (due day and state), and every statement, 复核, hearing request,
 * hearing, 回避 and refusal recorded, with the buttons to record them.
 */
export function RightsPanel({ detail, docs, types }: { detail: MatterDetail; docs: MatterDoc[]; types: DocType[] }) {
  const { agency, access } = useSession();
  const { message } = App.useApp();
  const { officers } = useOfficers();
  const agencyId = agency!.id;
  const matterId = detail.matter.id;
  const view = useLoad(() => rightsApi.overview(agencyId, matterId), [agencyId, matterId]);
  const [mode, setMode] = useState<RightsMode | null>(null);
  const [target, setTarget] = useState<string | undefined>();
  const [av, setAv] = useState<Option[]>([]);
  useEffect(() => {
    if (mode !== 'refusal') return;
    avApi
      .forMatter(agencyId, matterId)
      .then((records) => setAv(records.map((r) => ({ value: r.id, label: `${r.title || r.originalFileName || '音像记录'}（${formatDateTime(r.startedAt ?? r.ingestedAt)}）` }))))
      .catch(() => setAv([]));
  }, [mode, agencyId, matterId]);

  const records = view.data?.records ?? [];
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? '文书';
  const issued = docs.filter((d) => d.status === 'issued');
  const docOptions = (typeId?: string) => issued.filter((d) => !typeId || d.typeId === typeId).map((d) => ({ value: d.id, label: `${typeName(d.typeId)}${d.number ? ` ${d.number}` : ''}` }));
  const decided = (id: string) => records.some((r) => r.relatedId === id && (r.kind === 'hearing_held' || r.kind === 'recusal_decision'));
  const options = {
    parties: detail.parties.map((p) => ({ value: p.id, label: p.name })),
    matterOfficers: detail.officers.map((o) => ({ value: o.id, label: o.name })),
    agencyOfficers: officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` })),
    statementRecords: docOptions('statement_defence_record'),
    hearingRecords: [...docOptions('hearing_minutes'), ...docOptions('hearing_record')],
    issuedDocs: docOptions(),
    acceptedRequests: records.filter((r) => r.kind === 'hearing_request' && r.outcome === 'accepted').map((r) => ({ value: r.id, label: `${r.partyName ?? ''} ${r.occurredDay} 申请` })),
    av,
  };
  const open = (m: RightsMode, id?: string) => {
    setTarget(id);
    setMode(m);
  };
  const can = access.can.workOnMatters;
  const action = (r: RightsRecord) => {
    if (!can) return [];
    if (r.kind === 'statement') return [<Button key="review" size="small" onClick={() => open('review', r.id)} data-testid="rights-review">复核</Button>];
    if (r.kind === 'hearing_scheduled' && !decided(r.id)) return [<Button key="held" size="small" onClick={() => open('hearing_held', r.id)} data-testid="rights-held">记录举行</Button>];
    if (r.kind === 'recusal_request' && !decided(r.id)) return [<Button key="decide" size="small" onClick={() => open('recusal_decision', r.id)} data-testid="rights-decide">决定</Button>];
    return [];
  };

  return (
    <Card
      title="当事人权利"
      size="small"
      className="section-card"
      data-testid="rights-panel"
      extra={
        can ? (
          <Space wrap size={4}>
            <Button size="small" onClick={() => open('statement')} data-testid="rights-add-statement">陈述申辩</Button>
            <Button size="small" onClick={() => open('hearing_request')} data-testid="rights-add-hearing-request">听证申请</Button>
            <Button size="small" disabled={!options.acceptedRequests.length} onClick={() => open('hearing_schedule')} data-testid="rights-add-hearing">安排听证</Button>
            <Button size="small" onClick={() => open('recusal')} data-testid="rights-add-recusal">申请回避</Button>
            <Button size="small" onClick={() => open('refusal')} data-testid="rights-add-refusal">拒绝配合</Button>
          </Space>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="partyId"
        dataSource={view.data?.windows ?? []}
        loading={view.loading && !view.data}
        pagination={false}
        locale={{ emptyText: '行政处罚事先告知书送达后，在此显示当事人申请听证的期限' }}
        data-testid="hearing-windows"
        columns={[
          { title: '当事人', dataIndex: 'partyName' },
          { title: '事先告知书', render: (_, w) => w.noticeNumber ?? '行政处罚事先告知书' },
          { title: '送达之日', dataIndex: 'servedDay' },
          { title: '申请听证届满日', dataIndex: 'due', render: (v: string) => <b>{v}</b> },
          { title: '状态', render: (_, w) => <Tag color={windowColors[w.state]} data-testid="hearing-window-state">{w.stateLabel}</Tag> },
        ]}
      />
      {view.data?.partiesNotServed.length ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`行政处罚事先告知书尚未送达：${view.data.partiesNotServed.map((p) => p.partyName).join('、')}`} data-testid="rights-not-served" />
      ) : null}
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={records}
        locale={{ emptyText: '尚无陈述申辩、听证、回避或拒绝配合的记录' }}
        data-testid="rights-list"
        renderItem={(r) => (
          <List.Item actions={action(r)} data-testid={`rights-item-${r.kind}`}>
            <div>
              <Tag color="geekblue">{r.kindLabel}</Tag>
              {r.outcomeLabel ? <Tag color={outcomeColors[r.outcome ?? ''] ?? 'default'}>{r.outcomeLabel}</Tag> : null}
              {r.partyName ? <b>{r.partyName}</b> : null} <span className="muted">{r.occurredDay}</span>
              <div>{summaryOf(r)}</div>
              <div className="muted">
                {r.documentLabel ? `${r.documentLabel} · ` : ''}
                {r.recordedByName ? `记录人 ${r.recordedByName} · ` : ''}记录于 {formatDateTime(r.recordedAt)}
              </div>
            </div>
          </List.Item>
        )}
      />
      <RightsRecordModal
        mode={mode}
        target={target}
        agencyId={agencyId}
        detail={detail}
        options={options}
        onClose={() => setMode(null)}
        onRecorded={(text) => {
          setMode(null);
          void message.success(text);
          view.reload();
        }}
      />
    </Card>
  );
}
