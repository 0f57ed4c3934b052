import { FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { documentApi, type DocType } from '../../api/index.js';
import type { Materials } from '../../api/legal-review.js';
import { docStatusLabels } from '../../matter-labels.js';

const rows: [keyof Materials, string][] = [
  ['proposedDecision', '拟作出的执法决定'],
  ['facts', '基本事实'],
  ['lawApplied', '适用法律、法规、规章'],
  ['discretionStandard', '行政裁量基准运用情况'],
  ['evidenceSummary', '证据情况'],
  ['hearingAppraisal', '听证、评估、鉴定等情况'],
  ['otherNotes', '其他需要说明的情况'],
];

/** The frozen materials of one submission (REV-3), with the documents as they stood, each with its hash. */
export function MaterialsView({ agencyId, materials, hash, types }: { agencyId: string; materials: Materials; hash: string; types: DocType[] }) {
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? id;
  return (
    <div className="lr-materials" data-testid="review-materials">
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 150 } }}
        items={rows.filter(([k]) => materials[k]).map(([k, label]) => ({ key: k, label, children: <span className="pre-wrap">{String(materials[k])}</span> }))}
      />
      <div className="lr-doc-list">
        <b>送审时的案卷文书</b>
        {materials.documents.length ? (
          <ul className="lr-docs" data-testid="review-documents">
            {materials.documents.map((d) => (
              <li key={d.id}>
                <Space wrap size={6}>
                  <Link to={`/documents/${d.id}`}>
                    <FileTextOutlined /> {typeName(d.typeId)}
                  </Link>
                  <Tag color={d.status === 'issued' ? 'green' : 'default'}>{d.number ?? docStatusLabels[d.status] ?? d.status}</Tag>
                  {d.version > 1 ? <Tag>第 {d.version} 版</Tag> : null}
                  <a href={documentApi.printUrl(agencyId, d.id)} target="_blank" rel="noreferrer">
                    <PrinterOutlined /> 打印
                  </a>
                  <Typography.Text type="secondary" className="mono" title={d.contentHash}>
                    {d.contentHash.slice(0, 12)}…
                  </Typography.Text>
                </Space>
              </li>
            ))}
          </ul>
        ) : (
          <div className="muted">无</div>
        )}
        <div className="muted small-gap">
          送审材料摘要值 <span className="mono">{hash.slice(0, 16)}…</span>（送审后不可更改）
        </div>
      </div>
    </div>
  );
}
