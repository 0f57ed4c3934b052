import { FileAddOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { serviceReceiptFields } from '../../../../src/rules/service/receipt-fields.js';
import type { ServiceMethod } from '../../../../src/rules/service/service-record.js';
import { documentApi } from '../../api/index.js';
import type { DocType, MatterDetail } from '../../api/index.js';
import { serviceApi, type PartyDeadline, type ServiceRecord } from '../../api/service.js';
import { useSession } from '../../session.js';
import { prefill, wallClock, type MatterDoc } from '../../util/documents.js';
import { showError } from '../../util/errors.js';
import { partyValueOf } from '../../util/party.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';
import { useOfficers } from '../../util/useOfficers.js';
import { ServiceRecordModal } from './ServiceRecordModal.js';

const stateTags: Record<PartyDeadline['state'], { color: string; label: string }> = {
  running: { color: 'blue', label: '期限内' },
  ended: { color: 'default', label: '已届满' },
};

/**
 * 送达与当事人期限 (SRV-1, SRV-2) on the matter page: the services recorded for the matter's
 * issued documents, and the deadlines each service starts for the party, by date only: whether
 * the party paid or asked for a hearing is shown where it is recorded (罚款缴纳, 当事人权利, 法定期限).
 */
export function ServicePanel({ detail, docs, types, onRecorded }: { detail: MatterDetail; docs: MatterDoc[]; types: DocType[]; onRecorded?: () => void }) {
  const { agency, access, me } = useSession();
  const navigate = useNavigate();
  const { officers } = useOfficers();
  const agencyId = agency!.id;
  const matterId = detail.matter.id;
  const { message } = App.useApp();
  const services = useLoad(() => serviceApi.list(agencyId, matterId), [agencyId, matterId]);
  const deadlines = useLoad(() => serviceApi.deadlines(agencyId, matterId), [agencyId, matterId]);
  const [recording, setRecording] = useState(false);
  const typeOf = (id: string) => types.find((t) => t.id === id);
  // What may be served: issued documents (current versions), not the 送达回证 itself.
  const servable = docs.filter((d) => d.status === 'issued' && d.typeId !== 'service_receipt').map((d) => ({ id: d.id, label: `${typeOf(d.typeId)?.name ?? '文书'}${d.number ? ` ${d.number}` : ''}`, toParty: typeOf(d.typeId)?.issuedToParty ?? false }));

  // 送达回证 (step 5 of SRV-1): a draft of the catalogue's receipt, filled from the record; it is
  // checked, signed and issued like any other document.
  const draftReceipt = async (s: ServiceRecord) => {
    const type = typeOf('service_receipt');
    const party = detail.parties.find((p) => p.id === s.partyId);
    if (!type || !party) return;
    const recipient = partyValueOf(party);
    const fields = { ...prefill(type, detail, undefined, officers, me?.user.displayName ?? ''), ...serviceReceiptFields({ method: s.method as ServiceMethod, servedAtWallClock: wallClock(s.servedAt), place: s.place, details: s.details, document: { name: s.documentName, number: s.documentNumber }, recipient }) };
    try {
      const doc = await documentApi.create(agencyId, matterId, { typeId: type.id, fields });
      navigate(`/documents/${doc.id}`);
    } catch (err) {
      showError(err, message);
    }
  };

  return (
    <Card
      title="送达与当事人期限"
      size="small"
      className="section-card"
      data-testid="service-panel"
      extra={
        access.can.workOnMatters ? (
          <Button icon={<SendOutlined />} disabled={!servable.length || !detail.parties.length} onClick={() => setRecording(true)} data-testid="service-record">
            记录送达
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={services.data ?? []}
        loading={services.loading && !services.data}
        locale={{ emptyText: servable.length ? '尚未记录送达' : '尚无已定稿的文书可送达' }}
        data-testid="service-list"
        renderItem={(s) => (
          <List.Item
            actions={
              access.can.workOnMatters
                ? [
                    <Button key="receipt" size="small" icon={<FileAddOutlined />} onClick={() => void draftReceipt(s)} data-testid="service-receipt-draft">
                      生成送达回证
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Tag color="geekblue">{s.methodLabel}</Tag>
              <b>{s.documentName}</b> {s.documentNumber ? <span className="mono">{s.documentNumber}</span> : null} → {s.partyName}
              <div className="muted">
                送达时间 {formatDateTime(s.servedAt)}
                {s.servedDay ? ` · 视为送达之日 ${s.servedDay}` : ' · 回执未返回，期限尚未起算'}
                {s.recordedByName ? ` · 记录人 ${s.recordedByName}` : ''}
              </div>
            </div>
          </List.Item>
        )}
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        rowKey={(d) => `${d.serviceId}-${d.key}`}
        dataSource={deadlines.data ?? []}
        loading={deadlines.loading && !deadlines.data}
        pagination={false}
        locale={{ emptyText: '送达处罚决定书、事先告知书等文书后，在此显示当事人的期限' }}
        data-testid="party-deadlines"
        columns={[
          { title: '期限', dataIndex: 'name' },
          { title: '文书', render: (_, d) => `${d.documentName}${d.documentNumber ? `（${d.documentNumber}）` : ''}` },
          { title: '当事人', dataIndex: 'partyName' },
          { title: '依据', render: (_, d) => `${d.law}${d.article}` },
          { title: '起算', render: (_, d) => `${d.servedDay} 送达` },
          { title: '届满日', dataIndex: 'due', render: (v: string) => <b>{v}</b> },
          { title: '状态', render: (_, d) => <Tag color={stateTags[d.state].color}>{stateTags[d.state].label}</Tag> },
        ]}
      />
      <Alert type="info" showIcon style={{ marginTop: 8 }} message="状态只按日期显示；罚款的缴纳情况见「罚款缴纳」。" />
      <ServiceRecordModal
        open={recording}
        agencyId={agencyId}
        detail={detail}
        documents={servable}
        onClose={() => setRecording(false)}
        onRecorded={() => {
          setRecording(false);
          void message.success('已记录送达');
          services.reload();
          deadlines.reload();
          // The matter page's 结案条件 and 法定期限 follow the services.
          onRecorded?.();
        }}
      />
    </Card>
  );
}
