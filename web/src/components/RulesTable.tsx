import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ParameterPath, PolicyProfile } from '../api/types.js';
import { describeValue, parameterAt, parameterInfo, type Parameter } from '../rules-labels.js';
import { RuleSource } from './RuleSource.js';

type Row = { path: ParameterPath; p: Parameter };

/** 规则一览: every parameter of a profile version in words, with the article it comes from. */
export function RulesTable({ profile, paths, onEdit }: { profile: PolicyProfile; paths: ParameterPath[]; onEdit?: (path: ParameterPath) => void }) {
  const rows: Row[] = paths.filter((path) => path in parameterInfo).map((path) => ({ path, p: parameterAt(profile, path) }));
  const columns: TableColumnsType<Row> = [
    {
      title: '事项',
      key: 'label',
      width: 180,
      render: (_: unknown, r) => (
        <div>
          <div className="param-label">{parameterInfo[r.path].label}</div>
          <Tag variant="filled" className="req-tag">
            {parameterInfo[r.path].requirement}
          </Tag>
        </div>
      ),
    },
    {
      title: '规定',
      key: 'value',
      width: 200,
      render: (_: unknown, r) => {
        const text = describeValue(r.path, r.p);
        const unset = r.p.value === null;
        return (
          <div data-testid={`rule-value-${r.path}`}>
            <div className={unset ? 'param-unset' : 'param-value'}>{text}</div>
            {r.p.note ? <Typography.Text type="secondary" className="param-note">{r.p.note}</Typography.Text> : null}
          </div>
        );
      },
    },
    { title: '依据', key: 'source', render: (_: unknown, r) => <RuleSource source={r.p.source} /> },
  ];
  if (onEdit) {
    columns.push({
      title: '操作',
      key: 'ops',
      width: 88,
      render: (_: unknown, r) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => onEdit(r.path)} data-testid={`rule-edit-${r.path}`}>
          调整
        </Button>
      ),
    });
  }
  return (
    <Table<Row>
      rowKey="path"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      data-testid="rules-table"
      rowClassName={(r) => (r.p.source?.seed === 'agency' || r.p.reason?.startsWith('本机关调整') ? 'row-adjusted' : '')}
    />
  );
}
