import { TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { legalReviewApi } from '../../api/legal-review.js';
import { useLoad } from '../../util/useLoad.js';

/** REV-8 (第五条): legal reviewers against 5 % of the agency's officers and at least one. */
export function StaffingCard({ agencyId }: { agencyId: string }) {
  const s = useLoad(() => legalReviewApi.staffing(agencyId), [agencyId]).data;
  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <TeamOutlined /> 法制审核人员配置
        </span>
      }
      extra={s ? <Tag color={s.met ? 'green' : 'red'}>{s.met ? '达到要求' : '未达到要求'}</Tag> : null}
      loading={!s}
      data-testid="staffing"
    >
      {s ? (
        <>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="在岗执法人员" value={s.activeOfficers} />
            </Col>
            <Col span={8}>
              <Statistic title="法制审核人员" value={s.legalReviewers} styles={{ content: { color: s.met ? undefined : '#cf1322' } }} />
            </Col>
            <Col span={8}>
              <Statistic title="至少应配" value={s.required} />
            </Col>
          </Row>
          <div className="muted small-gap">
            {s.reviewers.length ? `法制审核人员：${s.reviewers.map((r) => r.name).join('、')}。` : '尚无法制审核人员。'}
            {s.rule}
          </div>
        </>
      ) : null}
    </Card>
  );
}
