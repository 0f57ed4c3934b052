import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { policyApi, type ChecklistRow, type PolicyVersion } from '../api/index.js';
import { ChecklistRowModal, DeleteRowModal } from '../components/ChecklistRowModal.js';
import { Guard, Page } from '../components/Page.js';
import { RuleSource } from '../components/RuleSource.js';
import { activityLabel, categoryLabel, CHECKLIST_LEVELS, levelColors, meansLabel } from '../rules-labels.js';
import { useSession } from '../session.js';
import { dayjs, zone } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function ChecklistPage() {
  return (
    <Guard allow={(a) => a.can.readPolicy}>
      <Checklist />
    </Guard>
  );
}

type Row = ChecklistRow & { index: number };

const sourceText = (r: ChecklistRow) => (r.source.seed === 'agency' ? `本机关调整：${r.source.quote}` : `${r.source.seed} ${r.source.article}`);

/** The clean A4 version for printing: plain table, all key points, no screen chrome. */
function PrintView({ agencyName, v }: { agencyName: string; v: PolicyVersion }) {
  return (
    <div className="print-only print-sheet">
      <h1>{agencyName}音像记录事项清单</h1>
      <p className="print-sub">
        {v.profile.name} · 第 {v.version} 版 · 打印日期 {dayjs().tz(zone).format('YYYY年M月D日')}
      </p>
      <table className="print-table">
        <colgroup>
          {[5, 13, 9, 13, 38, 8, 14].map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>执法类别</th>
            <th>执法环节</th>
            <th>记录要求</th>
            <th>记录要点</th>
            <th>记录方式</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {v.profile.checklist.rows.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{r.categories.map(categoryLabel).join('、')}</td>
              <td>{activityLabel(r.activity)}</td>
              <td>
                {CHECKLIST_LEVELS[r.level]}
                {r.condition ? `（${r.condition}）` : ''}
              </td>
              <td>{r.keyPoints.length ? r.keyPoints.map((k, j) => <div key={j}>{`${j + 1}. ${k}`}</div>) : '—'}</td>
              <td>{r.means.map(meansLabel).join('、') || '—'}</td>
              <td>{sourceText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Checklist() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const policy = useLoad(() => policyApi.current(agencyId), [agencyId]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const current = policy.data?.current;
  const admin = access.can.changePolicy;

  if (!current) {
    return (
      <Page title="音像记录事项清单">
        <Card>
          {policy.loading || !policy.data ? (
            <Spin />
          ) : (
            <Empty description="本机关尚未选择执法规范方案，清单随方案提供。">
              <Link to="/policy">
                <Button type="primary">前往执法规范方案</Button>
              </Link>
            </Empty>
          )}
        </Card>
      </Page>
    );
  }

  const rows: ChecklistRow[] = current.profile.checklist.rows;
  const data: Row[] = rows.map((r, index) => ({ ...r, index }));
  const columns: TableColumnsType<Row> = [
    {
      title: '执法环节与记录要求',
      key: 'act',
      width: 210,
      render: (_: unknown, r) => (
        <div className="row-head">
          <b className="row-activity">{activityLabel(r.activity)}</b>
          <Tag color={levelColors[r.level]}>{CHECKLIST_LEVELS[r.level]}</Tag>
          {r.condition ? <div className="row-condition">适用情形：{r.condition}</div> : null}
          <div className="row-meta">类别：{r.categories.map(categoryLabel).join('、')}</div>
          <div className="row-meta">方式：{r.means.map(meansLabel).join('、') || '—'}</div>
        </div>
      ),
    },
    {
      title: '记录要点',
      key: 'kp',
      render: (_: unknown, r) =>
        r.keyPoints.length ? (
          <ol className="keypoints">
            {r.keyPoints.map((k, i) => (
              <li key={i}>{k}</li>
            ))}
          </ol>
        ) : (
          <span className="muted">未列要点</span>
        ),
    },
    { title: '依据', key: 'source', width: 160, render: (_: unknown, r) => <RuleSource source={r.source} rows={2} /> },
  ];
  if (admin) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 72,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r.index)} data-testid={`row-edit-${r.index}`}>
            编辑
          </Button>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => setDeleting(r.index)}>
            删除
          </Button>
        </Space>
      ),
    });
  }

  const forbidden = current.profile.checklist.forbiddenConditions;
  const done = () => (setEditing(null), setDeleting(null), policy.reload());
  return (
    <Page
      title="音像记录事项清单"
      description={`${current.profile.name} · 第 ${current.version} 版 · 共 ${rows.length} 项。哪些执法环节应当、可以或不得音像记录，以及须记录的要点。`}
      extra={
        <Space wrap className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="checklist-print">
            打印
          </Button>
          <Button icon={<DownloadOutlined />} href={policyApi.checklistCsvUrl(agencyId)} download data-testid="checklist-export">
            导出
          </Button>
          {admin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="row-create">
              新增事项
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card className="section-card no-print">
        <Table<Row> rowKey="index" size="middle" columns={columns} dataSource={data} loading={policy.loading} pagination={false} tableLayout="fixed" scroll={{ x: 760 }} className="top-aligned" data-testid="checklist-table" />
      </Card>
      {forbidden.length ? (
        <Card title="不得音像记录的情形" className="section-card no-print">
          <List dataSource={forbidden} renderItem={(f) => <List.Item extra={<RuleSource source={f.source} rows={1} />}>{f.text}</List.Item>} />
        </Card>
      ) : null}
      <PrintView agencyName={agency!.name} v={current} />
      <ChecklistRowModal agencyId={agencyId} rows={rows} index={editing} onClose={() => setEditing(null)} onSaved={done} />
      <DeleteRowModal agencyId={agencyId} rows={rows} index={deleting} onClose={() => setDeleting(null)} onSaved={done} />
    </Page>
  );
}
