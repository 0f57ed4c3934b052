import { ArrowLeftOutlined, DisconnectOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, List, Result, Row, Spin, Tag, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { avApi } from '../../api/av.js';
import { avKindLabels, causeLabels, fileSize, recordedByLabels, storageDelay } from '../../components/av/av-labels.js';
import { AvBookmarks } from '../../components/av/AvBookmarks.js';
import { AvOrganiseForm } from '../../components/av/AvOrganiseForm.js';
import { AvPlayer, type PlayerHandle } from '../../components/av/AvPlayer.js';
import { AvProtocolForm } from '../../components/av/AvProtocolForm.js';
import { InterruptionModal, type InterruptionTarget } from '../../components/av/InterruptionModal.js';
import { useAvRecord } from '../../components/av/useAvRecord.js';
import '../../components/av/av.css';
import { Guard, Page } from '../../components/Page.js';
import { useSession } from '../../session.js';
import { formatDateTime } from '../../util/time.js';

const fixityLabels = { ok: '一致', changed: '原件内容与其 SHA-256 不符', missing: '原件缺失', unreadable: '原件无法读取', overwritten: '存储桶中该原件被另行写入或标记删除（原始版本完好）' } as const;
import { useOfficers } from '../../util/useOfficers.js';

export function AvRecordPage() {
  return (
    <Guard allow={(a) => a.can.readAv}>
      <AvRecordView />
    </Guard>
  );
}

/** One recording: play it, organise it (AV-5), its protocol (AV-7), key points (CHK-2), gaps (AV-8), an evidence copy (AV-10). */
function AvRecordView() {
  const { recordId = '' } = useParams();
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const { officers } = useOfficers();
  const { record, matter, step, checklistRow, keyPoints } = useAvRecord(agencyId, recordId);
  const player = useRef<PlayerHandle>(null);
  const [interrupting, setInterrupting] = useState<InterruptionTarget | null>(null);
  const canWork = access.can.workOnAv;

  const r = record.data;
  if (!r) return record.loading ? <Spin /> : <Result status="404" title="未找到该音像记录" />;
  const m = matter.data?.matter;
  const back = r.matterId ? `/matters/${r.matterId}/av` : '/av/unassigned';
  const delay = storageDelay(r);
  const alerted = r.fixity && r.fixity.outcome !== 'ok';
  // Overwritten on the bucket: the original version is intact and still exported.
  const damaged = alerted && r.fixity!.outcome !== 'overwritten';

  return (
    <Page
      title={r.title || r.originalFileName || '音像记录'}
      description={
        <span>
          <Tag>{avKindLabels[r.kind] ?? r.kind}</Tag>
          {r.organisedAt ? <Tag color="green">已整理</Tag> : <Tag color="orange">待整理</Tag>}
          {m ? (
            <Link to={`/matters/${m.id}`}>
              {m.number} {m.title}
            </Link>
          ) : (
            <span className="warn-text">未关联执法事项</span>
          )}
          {step ? ` · ${step.label}` : ''}
        </span>
      }
      extra={
        <div className="page-actions">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
            返回
          </Button>
          {canWork ? (
            <Tooltip title={r.matterId ? undefined : '请先关联执法事项'}>
              <Button
                icon={<DisconnectOutlined />}
                disabled={!r.matterId}
                onClick={() => setInterrupting({ matterId: r.matterId!, stepId: r.stepId, avRecordId: r.id, around: r.endedAt })}
                data-testid="av-interruption-open"
              >
                记录中断
              </Button>
            </Tooltip>
          ) : null}
          {canWork && damaged ? (
            <Tooltip title="原件校验未通过，恢复前不能导出">
              <Button type="primary" icon={<ExportOutlined />} disabled data-testid="av-evidence-copy">
                导出证据副本
              </Button>
            </Tooltip>
          ) : canWork ? (
            <a href={avApi.evidenceCopyUrl(agencyId, r.id)} download data-testid="av-evidence-copy">
              <Button type="primary" icon={<ExportOutlined />}>
                导出证据副本
              </Button>
            </a>
          ) : null}
        </div>
      }
    >
      {alerted ? (
        <Alert
          type={damaged ? 'error' : 'warning'}
          showIcon
          className="page-alert"
          data-testid="av-fixity-alert"
          message={`原件校验未通过：${fixityLabels[r.fixity!.outcome]}`}
          description={`${formatDateTime(r.fixity!.checkedAt)} 重新计算 SHA-256 时发现。已向本机关管理员告警；${damaged ? '请从备份恢复原件，恢复前不能导出证据副本。' : '系统读取的仍是原始版本，请核查存储账号的使用情况。'}`}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card className="fill-card av-player-card" size="small">
            <AvPlayer agencyId={agencyId} record={r} ref={player} />
            <Descriptions
              size="small"
              column={1}
              className="av-facts"
              items={[
                { key: 'rec', label: '录制时间', children: `${formatDateTime(r.startedAt)} 至 ${formatDateTime(r.startedAt).slice(0, 10) === formatDateTime(r.endedAt).slice(0, 10) ? formatDateTime(r.endedAt).slice(11) : formatDateTime(r.endedAt)}` },
                {
                  key: 'in',
                  label: '上传入库',
                  children: (
                    <span>
                      {formatDateTime(r.ingestedAt)}
                      {delay ? <span className={r.lateReason ? 'warn-text' : 'muted'}>{` · ${delay}${r.lateReason ? `（原因：${r.lateReason}）` : ''}`}</span> : null}
                    </span>
                  ),
                },
                { key: 'by', label: '录制人', children: `${recordedByLabels[r.recordedBy]}${r.place ? ` · ${r.place}` : ''}` },
                { key: 'size', label: '原始文件', children: `${r.originalFileName ?? ''}（${fileSize(r.size)}）` },
                { key: 'hash', label: 'SHA-256', children: <span className="mono av-hash">{r.objectKey}</span> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="要点标记" size="small" className="fill-card" extra={checklistRow ? <Tag color="red">{checklistRow.level === 'mandatory' ? '应当全程音像记录' : '清单事项'}</Tag> : null}>
            <AvBookmarks agencyId={agencyId} record={r} keyPoints={keyPoints} activity={step?.label ?? null} player={() => player.current} canWork={canWork} onChanged={record.reload} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="分类整理" size="small" extra={<span className="card-hint">入库后 2 个工作日内命名、分类、描述</span>}>
            <AvOrganiseForm agencyId={agencyId} record={r} matter={m} officers={officers} keyPoints={keyPoints} canWork={canWork} onSaved={record.reload} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="录制规范" size="small" className="section-card">
            <AvProtocolForm agencyId={agencyId} record={r} player={() => player.current} canWork={canWork} onSaved={record.reload} />
          </Card>
          <Card title="中断记录" size="small">
            <List
              size="small"
              dataSource={r.interruptions}
              locale={{ emptyText: '未记录中断' }}
              data-testid="av-interruptions"
              renderItem={(i) => (
                <List.Item data-testid="av-interruption">
                  <div>
                    <Tag color={i.resumedAt ? 'gold' : 'red'}>{causeLabels[i.cause] ?? i.cause}</Tag>
                    {formatDateTime(i.interruptedAt)}
                    {i.resumedAt ? ` 至 ${formatDateTime(i.resumedAt).slice(11)}` : '，未能继续'}
                    <div className="muted av-small">
                      {i.resumeStatement ?? i.writtenExplanation}
                      {i.reportedTo ? ` · 已报告 ${i.reportedTo}` : ''}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <InterruptionModal agencyId={agencyId} target={interrupting} onClose={() => setInterrupting(null)} onDone={() => (setInterrupting(null), record.reload())} />
    </Page>
  );
}
