import { Card, Table, Tag, Tooltip } from 'antd';
import { matterApi, type MatterDetail } from '../../api/index.js';
import type { Schemas } from '../../api/typed-client.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';

type MatterDeadline = Schemas['MatterDeadline'];

const stateTags: Record<MatterDeadline['state'], { color: string; label: string }> = {
  running: { color: 'blue', label: '期限内' },
  met: { color: 'green', label: '已按期完成' },
  met_late: { color: 'orange', label: '逾期完成' },
  overdue: { color: 'red', label: '已逾期' },
};

/**
 * 法定期限 on the matter page: what national law gives the agency and the party to do, when the
 * clock started, the last day and whether it was met — computed by the server from what the
 * matter records, the same computation the findings use.
 */
export function MatterDeadlinesPanel({ detail }: { detail: MatterDetail }) {
  const { agency } = useSession();
  const deadlines = useLoad(() => matterApi.deadlines(agency!.id, detail.matter.id), [agency, detail]);
  const rows = deadlines.data ?? [];
  if (!rows.length) return null;
  return (
    <Card title="法定期限" className="section-card" style={{ marginTop: 16 }} data-testid="matter-deadlines">
      <Table<MatterDeadline>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '期限', key: 'name', render: (_, d) => <span data-testid={`deadline-${d.ruleKey}`}>{d.name}{d.subject ? `（${d.subject}）` : ''}</span> },
          { title: '应办事项', dataIndex: 'act', render: (act: string, d) => `${d.actor === 'party' ? '当事人' : '行政机关'}${act}` },
          { title: '起算', key: 'start', render: (_, d) => <Tooltip title={d.startsAt}>{d.startedOn}</Tooltip> },
          { title: '届满日', dataIndex: 'due', render: (due: string) => <b data-testid="deadline-due">{due}</b> },
          { title: '完成', dataIndex: 'doneOn', render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'state', render: (s: MatterDeadline['state']) => <Tag color={stateTags[s].color}>{stateTags[s].label}</Tag> },
          { title: '依据', dataIndex: 'basis', render: (b: string, d) => <Tooltip title={d.quote}><span className="muted">{b}</span></Tooltip> },
        ]}
      />
    </Card>
  );
}
