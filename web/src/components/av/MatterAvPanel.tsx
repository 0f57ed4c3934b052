import { VideoCameraAddOutlined } from '@ant-design/icons';
import { Button, Card, List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { avApi } from '../../api/av.js';
import type { MatterDetail } from '../../api/index.js';
import { useSession } from '../../session.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';
import { useOfficers } from '../../util/useOfficers.js';
import { causeLabels } from './av-labels.js';
import { AvRecordList } from './AvRecordList.js';
import { AvUploadForm } from './AvUploadForm.js';

/**
 * 音像记录 of one matter. `compact` (for the matter page): the records and a way to the full
 * panel; otherwise also the upload form and the interruptions recorded for the matter (AV-8).
 */
export function MatterAvPanel({ detail, compact = false }: { detail: MatterDetail; compact?: boolean }) {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const matterId = detail.matter.id;
  const { mine } = useOfficers();
  const records = useLoad(() => avApi.forMatter(agencyId, matterId), [agencyId, matterId]);
  const interruptions = useLoad(() => avApi.interruptions(agencyId, matterId), [agencyId, matterId], !compact);
  const canWork = access.can.workOnAv;
  const stepLabel = (id: string) => detail.steps.find((s) => s.id === id)?.label;
  const list = records.data ?? [];
  const waiting = list.filter((r) => !r.organisedAt).length;

  if (compact) {
    return (
      <Card
        title="音像记录"
        size="small"
        className="section-card"
        extra={
          <Link to={`/matters/${matterId}/av`} data-testid="matter-av-open">
            <Button icon={<VideoCameraAddOutlined />}>{canWork ? '上传与整理' : '查看全部'}</Button>
          </Link>
        }
        data-testid="matter-av-panel"
      >
        {waiting ? <Tag color="orange">{waiting} 条待整理</Tag> : null}
        <AvRecordList agencyId={agencyId} records={list.slice(0, 4)} loading={records.loading && !records.data} stepLabel={stepLabel} empty="尚无音像记录。应当音像记录的环节，请上传执法记录仪录像或现场照片。" />
        {list.length > 4 ? <Link to={`/matters/${matterId}/av`}>查看全部 {list.length} 条</Link> : null}
      </Card>
    );
  }

  return (
    <>
      {canWork && detail.matter.status !== 'archived' ? (
        <Card title="上传音像记录" className="section-card">
          <AvUploadForm agencyId={agencyId} detail={detail} myOfficerId={mine?.id} onUploaded={() => records.reload()} />
        </Card>
      ) : null}
      <Card title={`本事项的音像记录（${list.length}）`} className="section-card" extra={waiting ? <Tag color="orange">{waiting} 条待整理：入库后 2 个工作日内须命名、分类、描述</Tag> : null}>
        <AvRecordList agencyId={agencyId} records={list} loading={records.loading && !records.data} stepLabel={stepLabel} />
      </Card>
      <Card title="记录中断情况" className="section-card" size="small">
        <List
          size="small"
          dataSource={interruptions.data ?? []}
          locale={{ emptyText: '未记录中断' }}
          data-testid="matter-interruptions"
          renderItem={(i) => (
            <List.Item>
              <div>
                <Tag color={i.resumedAt ? 'gold' : 'red'}>{causeLabels[i.cause] ?? i.cause}</Tag>
                {formatDateTime(i.interruptedAt)} 中断{i.resumedAt ? `，${formatDateTime(i.resumedAt)} 恢复` : '，未能继续'}
                <div className="muted">
                  {i.resumeStatement ?? i.writtenExplanation}
                  {i.reportedTo ? ` · 已报告 ${i.reportedTo}` : ''}
                  {i.avRecordId ? (
                    <>
                      {' · '}
                      <Link to={`/av/${i.avRecordId}`}>查看录像</Link>
                    </>
                  ) : null}
                </div>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
