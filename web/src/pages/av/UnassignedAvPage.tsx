import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { avApi } from '../../api/av.js';
import { AvRecordList } from '../../components/av/AvRecordList.js';
import { Guard, Page } from '../../components/Page.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';

export function UnassignedAvPage() {
  return (
    <Guard allow={(a) => a.can.readAv}>
      <Unassigned />
    </Guard>
  );
}

/**
 * 未关联音像 (AV-2, AV-5): records that reached the system without a matter — from collection
 * stations (采集站) or uploaded before the matter was registered — to organise and link.
 */
function Unassigned() {
  const { agency } = useSession();
  const agencyId = agency!.id;
  const list = useLoad(() => avApi.unassigned(agencyId), [agencyId]);
  const records = list.data ?? [];
  const waiting = records.filter((r) => !r.organisedAt).length;
  return (
    <Page
      title="未关联音像"
      description="采集站导入或尚未关联执法事项的音像记录。打开一条记录，命名、分类、描述，并关联到所属事项和环节。"
      extra={
        <Button icon={<ReloadOutlined />} onClick={list.reload}>
          刷新
        </Button>
      }
    >
      {waiting ? <Alert className="section-card" type="warning" showIcon title={`${waiting} 条待整理：入库后 2 个工作日内须命名、分类、描述地点和内容，逾期将列为问题。`} /> : null}
      <Card className="section-card">
        <AvRecordList agencyId={agencyId} records={records} loading={list.loading && !list.data} empty="没有未关联执法事项的音像记录" />
      </Card>
    </Page>
  );
}
