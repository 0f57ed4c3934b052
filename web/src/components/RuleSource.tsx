import { Tag, Typography } from 'antd';
import { seedLabels } from '../rules-labels.js';

type Source = { seed: string; article: string; quote: string };

/** Where a rule comes from: the seed (or 本机关调整) and article, with the quoted words expandable. */
export function RuleSource({ source, rows = 2 }: { source: Source | undefined | null; rows?: number }) {
  if (!source) return <Typography.Text type="secondary">—</Typography.Text>;
  const agency = source.seed === 'agency';
  return (
    <div className="rule-source">
      <div className="rule-source-head">
        <Tag color={agency ? 'green' : source.seed === 'national' ? 'purple' : 'geekblue'}>{agency ? '本机关调整' : `${source.seed} ${seedLabels[source.seed] ?? ''}`}</Tag>
        {agency ? null : <span className="rule-article">{source.article}</span>}
      </div>
      <Typography.Paragraph type="secondary" className="rule-quote" ellipsis={{ rows, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开原文') }}>
        {agency ? `依据：${source.quote}` : `“${source.quote}”`}
      </Typography.Paragraph>
    </div>
  );
}
