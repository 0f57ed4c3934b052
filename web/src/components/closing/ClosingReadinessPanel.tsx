import { Alert, List, Tag } from 'antd';
import type { MatterDetail } from '../../api/index.js';
import { answer, apiClient, type Schemas } from '../../api/typed-client.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';

type Gap = Schemas['ClosingReadiness']['gaps'][number];

const readiness = (agencyId: string, matterId: string) =>
  answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/closing-readiness', { params: { path: { agencyId, matterId } } }));

/**
 * 结案条件 (CASE-12): once closing may be recorded, what would still refuse it — a decision not
 * served on a party, a limit that keeps execution open — computed by the server's own closing
 * check, so the officer sees it before trying. 终结执行 with its reason excuses the limits only.
 */
export function ClosingReadinessPanel({ detail }: { detail: MatterDetail }) {
  const { agency } = useSession();
  const offered = detail.nextSteps.some((s) => s.step === 'closing');
  const result = useLoad(() => readiness(agency!.id, detail.matter.id), [agency, detail], offered);
  if (!offered || !result.data) return null;
  const { ready, gaps } = result.data;
  if (ready) return <Alert className="section-card" style={{ marginTop: 16 }} type="success" showIcon title="结案条件已具备：应送达的文书均已送达，无妨碍结案的未完成期限" data-testid="closing-readiness" />;
  return (
    <Alert
      className="section-card"
      style={{ marginTop: 16 }}
      type="warning"
      showIcon
      title="结案条件：尚有以下事项未完成，现在结案将被拒绝"
      data-testid="closing-readiness"
      description={
        <List<Gap>
          size="small"
          dataSource={gaps}
          renderItem={(g) => (
            <List.Item data-testid="closing-gap">
              <span>{g.text}</span>
              {g.waivedByTermination ? <Tag color="default" style={{ marginLeft: 8 }}>终结执行（行政强制法 第四十条）时可免</Tag> : null}
            </List.Item>
          )}
        />
      }
    />
  );
}
