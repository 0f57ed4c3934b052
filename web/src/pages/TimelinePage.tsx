import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Select, Space, Switch, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { documentApi, matterApi, type Phase, type TimelineEntry, type TimelineKind } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { categoryName, PHASE_ORDER, phaseColors, phaseLabel, timelineKindLabels } from '../matter-labels.js';
import { useSession } from '../session.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function TimelinePage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <MatterTimeline />
    </Guard>
  );
}

type Entry = TimelineEntry & { origin?: string };
const kinds = Object.keys(timelineKindLabels) as TimelineKind[];

function detailLine(e: Entry): string {
  const d = e.detail as Record<string, unknown>;
  const parts: string[] = [];
  if (e.kind === 'step') {
    if (d.place) parts.push(`地点：${String(d.place)}`);
    if (d.note) parts.push(String(d.note));
  }
  if (e.kind === 'approval' && d.opinion) parts.push(`意见：${String(d.opinion)}${d.signed ? '（已签名）' : ''}`);
  if (e.kind === 'document' && d.version && Number(d.version) > 1) parts.push(`第 ${String(d.version)} 版${d.correctionReason ? `，更正理由：${String(d.correctionReason)}` : ''}`);
  if (e.kind === 'av' && d.place) parts.push(`地点：${String(d.place)}`);
  if (e.kind === 'interruption') parts.push(String(d.resumeStatement ?? d.writtenExplanation ?? ''));
  if (e.kind === 'signature' && d.method === 'refused') parts.push(`理由：${String(d.refusalReason ?? '')}，见证人：${String(d.witnessName ?? '')}`);
  return parts.join(' · ');
}

/**
 * CASE-2, SUP-1: everything that happened in a matter, in order, coloured by phase, with who and
 * when (Beijing time); the matter it arose from (e.g. the inspection before a seizure) can be
 * shown too. Filterable, and printable as the record of the whole process.
 */
function MatterTimeline() {
  const { matterId = '' } = useParams();
  const { agency } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const detail = useLoad(() => matterApi.get(agencyId, matterId), [agencyId, matterId]);
  const timeline = useLoad(() => matterApi.timeline(agencyId, matterId), [agencyId, matterId]);
  const originId = detail.data?.matter.originMatterId ?? null;
  const origin = useLoad(() => matterApi.timeline(agencyId, originId!), [agencyId, originId], !!originId);
  const types = useLoad(() => documentApi.types(), []);
  const typeName = (id: unknown) => types.data?.find((t) => t.id === id)?.name ?? '';
  // A document entry names its type; a signature, the document it was put on.
  const docOf = new Map([...(origin.data?.entries ?? []), ...(timeline.data?.entries ?? [])].filter((e) => e.kind === 'document').map((e) => [e.objectId, e.detail.typeId]));
  const titleOf = (e: Entry) =>
    e.kind === 'document' ? `${e.title}：${typeName(e.detail.typeId)}` : e.kind === 'signature' ? `${e.title}（${typeName(docOf.get(String(e.detail.documentId)))}）` : e.title;
  const [shown, setShown] = useState<TimelineKind[]>(kinds);
  const [phase, setPhase] = useState<Phase | undefined>();
  const [withOrigin, setWithOrigin] = useState(true);

  const m = detail.data?.matter;
  const own: Entry[] = timeline.data?.entries ?? [];
  const fromOrigin: Entry[] = withOrigin && origin.data ? origin.data.entries.map((e) => ({ ...e, origin: origin.data!.number })) : [];
  const entries = [...fromOrigin, ...own]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map(({ e }) => e)
    .filter((e) => shown.includes(e.kind) && (!phase || e.phase === phase));

  const docLink = (e: Entry) => {
    const id = e.kind === 'document' ? e.objectId : e.kind === 'signature' ? String(e.detail.documentId ?? '') : '';
    return id ? (
      <Link to={`/documents/${id}`} className="no-print-link">
        查看文书
      </Link>
    ) : null;
  };

  return (
    <Page
      title="全过程时间线"
      description={m ? `${m.number} · ${m.title} · ${categoryName(m.category)}` : undefined}
      extra={
        <div className="page-actions no-print">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/matters/${matterId}`)}>
            返回事项
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="timeline-print">
            打印全过程记录
          </Button>
        </div>
      }
    >
      <div className="print-only print-head">
        <h2>执法全过程记录</h2>
        <div>
          {m?.number} {m?.title}（{m ? categoryName(m.category) : ''}）· 打印时间 {formatDateTime(new Date().toISOString())}
        </div>
      </div>
      <Card className="section-card no-print" size="small">
        <Space wrap size={16}>
          <Checkbox.Group value={shown} onChange={(v) => setShown(v as TimelineKind[])} options={kinds.map((k) => ({ value: k, label: timelineKindLabels[k] }))} data-testid="timeline-kinds" />
          <Select allowClear placeholder="全部阶段" value={phase} onChange={setPhase} style={{ width: 140 }} options={PHASE_ORDER.map((p) => ({ value: p, label: phaseLabel(p) }))} data-testid="timeline-phase" />
          {originId ? (
            <span>
              <Switch checked={withOrigin} onChange={setWithOrigin} size="small" /> 含来源事项 {origin.data?.number ?? ''}
            </span>
          ) : null}
        </Space>
      </Card>
      <Card className="section-card timeline-card" loading={timeline.loading && !timeline.data}>
        {entries.length ? (
          <Timeline
            data-testid="timeline"
            items={entries.map((e) => ({
              key: `${e.kind}-${e.objectId}-${e.at}`,
              color: e.kind === 'finding' ? 'red' : e.phase ? phaseColors[e.phase] : 'gray',
              content: (
                <div className={`tl-entry tl-${e.kind}`} data-testid="timeline-entry" data-kind={e.kind}>
                  <div className="tl-head">
                    <span className="tl-time">{formatDateTime(e.at)}</span>
                    {e.phase ? <Tag color={phaseColors[e.phase]}>{phaseLabel(e.phase)}</Tag> : null}
                    <Tag>{timelineKindLabels[e.kind]}</Tag>
                    {e.origin ? <Tag color="purple">来源事项 {e.origin}</Tag> : null}
                  </div>
                  <div className="tl-title">{titleOf(e)}</div>
                  <div className="tl-meta">
                    {e.actor ? <span>经办：{e.actor}</span> : null} {detailLine(e)} {docLink(e)}
                    {e.kind === 'av' ? <Link to={`/av/${e.objectId}`} className="no-print-link">查看音像</Link> : null}
                  </div>
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description="没有符合筛选条件的记录" />
        )}
      </Card>
    </Page>
  );
}
