import { ArrowLeftOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { matterApi } from '../../api/index.js';
import { MatterAvPanel } from '../../components/av/MatterAvPanel.js';
import { Guard, Page } from '../../components/Page.js';
import { categoryName } from '../../matter-labels.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';

export function MatterAvPage() {
  return (
    <Guard allow={(a) => a.can.readAv}>
      <MatterAv />
    </Guard>
  );
}

/** 音像记录 of a matter (AV-1 … AV-8): upload from the tablet, the list, the interruptions. */
function MatterAv() {
  const { matterId = '' } = useParams();
  const { agency } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const detail = useLoad(() => matterApi.get(agencyId, matterId), [agencyId, matterId]);
  const d = detail.data;
  if (!d) return detail.loading ? <Spin /> : <Result status="404" title="未找到该执法事项" />;
  return (
    <Page
      title="音像记录"
      description={`${d.matter.number} · ${d.matter.title} · ${categoryName(d.matter.category)}`}
      extra={
        <div className="page-actions">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/matters/${matterId}`)} data-testid="av-back-matter">
            返回事项
          </Button>
          <Button icon={<FieldTimeOutlined />} onClick={() => navigate(`/matters/${matterId}/timeline`)} data-testid="av-open-timeline">
            全过程时间线
          </Button>
        </div>
      }
    >
      <MatterAvPanel detail={d} />
    </Page>
  );
}
