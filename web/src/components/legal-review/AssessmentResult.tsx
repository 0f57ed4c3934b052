import { Alert, List, Space, Tag } from 'antd';
import type { Assessment } from '../../api/legal-review.js';
import { formatDateTime } from '../../util/time.js';
import { decidedByLabels } from './labels.js';

/** REV-2: the answer "major or not", each reason with its source and how it was settled. */
export function AssessmentResult({ assessment }: { assessment: Assessment }) {
  const { result } = assessment;
  return (
    <div className="lr-assessment" data-testid="assessment-result">
      <Space wrap size={6}>
        {result.major ? <Tag color="red">属于重大执法决定</Tag> : result.complete ? <Tag color="green">不属于重大执法决定</Tag> : <Tag color="orange">尚未判断完毕</Tag>}
        {result.major && !result.complete ? <Tag>另有 {result.questions.length} 项未回答</Tag> : null}
        <span className="muted">
          {formatDateTime(assessment.createdAt).slice(0, 16)} {assessment.createdByName ?? ''} 判断 · {assessment.listVersion ? `目录清单第 ${assessment.listVersion} 版` : '默认目录清单'}
        </span>
      </Space>
      {result.reasons.length ? (
        <List
          size="small"
          className="lr-reasons"
          dataSource={result.reasons}
          renderItem={(r) => (
            <List.Item>
              <span>
                {r.text} <Tag color={r.decidedBy === 'data' ? 'blue' : r.decidedBy === 'answer' ? 'gold' : 'purple'}>{decidedByLabels[r.decidedBy]}</Tag>
                <span className="muted">{r.source}</span>
              </span>
            </List.Item>
          )}
        />
      ) : null}
      {!result.major && result.questions.length ? (
        <Alert type="warning" showIcon className="lr-inline-alert" title={`尚需回答：${result.questions.map((q) => q.text).join('；')}`} />
      ) : null}
    </div>
  );
}
