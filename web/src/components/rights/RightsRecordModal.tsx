import { Alert, App, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MatterDetail } from '../../api/index.js';
import { rightsApi } from '../../api/rights.js';
import { showError } from '../../util/errors.js';
import { dayjs, pickedToIso } from '../../util/time.js';
import { MODE_TITLES, rightsFields, type FieldOptions, type RightsMode } from './RightsFormFields.js';

type Values = Record<string, unknown>;
const instant = (v: unknown) => (v ? pickedToIso(v as Dayjs) : undefined);
const ymd = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);
const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Sends one form to its route; the target is the record decided on (statement, hearing, request). */
function send(mode: RightsMode, a: string, m: string, target: string | undefined, v: Values) {
  const s = (k: string) => String(v[k] ?? '');
  switch (mode) {
    case 'statement':
      return rightsApi.statement(a, m, { partyId: s('partyId'), waived: !!v.waived, form: v.form as 'oral', at: instant(v.at)!, content: s('content'), documentId: opt(v.documentId) });
    case 'review':
      return rightsApi.review(a, m, target!, { result: v.result as 'adopted', reasons: opt(v.reasons), at: instant(v.at) });
    case 'hearing_request':
      return rightsApi.hearingRequest(a, m, { partyId: s('partyId'), channel: v.channel as 'in_person', requestDay: ymd(v.requestDay)!, content: opt(v.content) });
    case 'hearing_schedule':
      return rightsApi.scheduleHearing(a, m, { hearingRequestId: s('hearingRequestId'), scheduledAt: instant(v.scheduledAt)!, place: s('place'), hostOfficerId: opt(v.hostOfficerId), hostName: s('hostName'), public: !!v.public, noticeServedOn: ymd(v.noticeServedOn), noticeDocumentId: opt(v.noticeDocumentId) });
    case 'hearing_held':
      return rightsApi.hearingHeld(a, m, target!, { heldAt: instant(v.heldAt)!, attendees: s('attendees'), documentId: opt(v.documentId), summary: s('summary'), noticeServedOn: ymd(v.noticeServedOn) });
    case 'recusal':
      return rightsApi.recusal(a, m, { partyId: opt(v.partyId), at: instant(v.at)!, officerId: opt(v.officerId), against: s('against'), reason: s('reason') });
    case 'recusal_decision':
      return rightsApi.recusalDecision(a, m, target!, { decision: v.decision as 'granted', decidedBy: s('decidedBy'), at: instant(v.at)!, reason: opt(v.reason) });
    case 'refusal':
      return rightsApi.refusal(a, m, { partyId: opt(v.partyId), at: instant(v.at)!, what: s('what'), witnessName: opt(v.witnessName), avRecordId: opt(v.avRecordId) });
  }
}

/** One modal for every 当事人权利 record; the server's refusal (e.g. a late request's rule) is shown as it says it. */
export function RightsRecordModal(props: { mode: RightsMode | null; target?: string; agencyId: string; detail: MatterDetail; options: FieldOptions; onClose: () => void; onRecorded: (message: string) => void }) {
  const { mode, target, agencyId, detail, options, onClose, onRecorded } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const waived = Form.useWatch('waived', form) as boolean | undefined;
  const hostOfficerId = Form.useWatch('hostOfficerId', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Picking the host from the officers fills the name (still editable for a person not listed).
  useEffect(() => {
    const picked = options.agencyOfficers.find((o) => o.value === hostOfficerId);
    if (picked) form.setFieldValue('hostName', picked.label.split('（')[0]);
  }, [hostOfficerId, options.agencyOfficers, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      await send(mode!, agencyId, detail.matter.id, target, v);
      form.resetFields();
      onRecorded(`已保存：${MODE_TITLES[mode!]}`);
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : null);
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!mode}
      title={mode ? MODE_TITLES[mode] : ''}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={() => {
        setRefusal(null);
        onClose();
      }}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'rights-save' }}
    >
      {mode ? (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ partyId: options.parties[0]?.value, waived: false, at: dayjs(), requestDay: dayjs(), public: true }} onValuesChange={() => setRefusal(null)}>
          {rightsFields(mode, options, !!waived)}
          {refusal ? <Alert type="error" showIcon message={refusal} data-testid="rights-refusal" /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}
