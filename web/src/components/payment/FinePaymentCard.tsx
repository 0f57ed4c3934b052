import { DollarOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MatterDetail } from '../../api/index.js';
import { paymentApi, type Payment } from '../../api/payment.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';
import { PaymentRecordModal } from './PaymentRecordModal.js';

/** 分 as people read it: 1,234.50 元. */
export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * 罚款缴纳 (CASE-11) on the matter page: the fine the issued decision states, what was paid, the
 * due day (15 days after service, or the approved deferral's) and the 加处罚款 accrued to today —
 * computed by the server (行政处罚法 第七十二条, capped at the fine), never typed in — with the
 * payments recorded from their receipts. Shown only for a matter whose decision states a fine.
 */
export function FinePaymentCard({ detail }: { detail: MatterDetail }) {
  const { agency, access } = useSession();
  const { message } = App.useApp();
  const agencyId = agency!.id;
  const matterId = detail.matter.id;
  const account = useLoad(() => paymentApi.account(agencyId, matterId), [agencyId, matterId, detail]);
  const [recording, setRecording] = useState(false);
  const fine = account.data?.fine;
  if (!fine) return null;
  const s = fine.surcharge;
  const overdue = !fine.paidOn && s.daysLate > 0;
  return (
    <Card
      title="罚款缴纳"
      size="small"
      className="section-card"
      style={{ marginTop: 16 }}
      data-testid="fine-card"
      extra={access.can.workOnMatters ? <Button icon={<DollarOutlined />} onClick={() => setRecording(true)} data-testid="payment-record">记录缴款</Button> : null}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label="罚款金额">{yuan(fine.fineFen)}{fine.documentNumber ? <span className="muted">（{fine.documentNumber}）</span> : null}</Descriptions.Item>
        <Descriptions.Item label="已缴罚款"><span data-testid="fine-paid">{yuan(fine.paidFineFen)}</span></Descriptions.Item>
        <Descriptions.Item label="尚欠罚款">{yuan(fine.outstandingFineFen)}</Descriptions.Item>
        <Descriptions.Item label="缴纳期限">
          <span data-testid="fine-due">{fine.due ?? '决定书送达后起算'}</span>
          {fine.deferral ? <Tag color="purple" style={{ marginLeft: 8 }}>经批准{fine.deferral.kind}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {fine.paidOn ? <Tag color="green">{fine.paidOn} 缴清</Tag> : overdue ? <Tag color="red">已逾期 {s.daysLate} 日</Tag> : <Tag color="blue">期限内</Tag>}
          {fine.courtApplied ? <Tag>已申请法院强制执行</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={`加处罚款（计至 ${s.asOf}）`}>
          <span data-testid="fine-surcharge">{yuan(s.surchargeFen)}</span>
          {s.daysLate ? <span className="muted">（{s.daysLate} 日 × 3%）</span> : null}
          {s.capped ? <Tag color="orange" style={{ marginLeft: 8 }}>已达罚款数额上限</Tag> : null}
          {s.paidFen ? <span className="muted"> 已缴 {yuan(s.paidFen)}</span> : null}
        </Descriptions.Item>
      </Descriptions>
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={account.data?.payments ?? []}
        locale={{ emptyText: '尚未记录缴款' }}
        data-testid="payment-list"
        columns={[
          { title: '缴纳日期', dataIndex: 'paidOn' },
          { title: '项目', dataIndex: 'purposeLabel' },
          { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
          { title: '缴纳方式', dataIndex: 'methodLabel' },
          { title: '票据号码', dataIndex: 'receiptNumber', render: (v: string) => <span className="mono">{v}</span> },
          { title: '缴款人', dataIndex: 'partyName' },
          { title: '记录人', dataIndex: 'recordedByName', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <div className="muted" style={{ marginTop: 8 }}>依据：《行政处罚法》第六十六、六十七、七十二条，《行政强制法》第四十五条（加处罚款每日按罚款数额的百分之三，不得超出罚款数额）。</div>
      <PaymentRecordModal
        open={recording}
        agencyId={agencyId}
        detail={detail}
        onClose={() => setRecording(false)}
        onRecorded={() => {
          setRecording(false);
          void message.success('已记录缴款');
          account.reload();
        }}
      />
    </Card>
  );
}
