import { App, AutoComplete, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { avApi, type AvRecord, type AvRecordDetail } from '../../api/av.js';
import type { Matter, Officer } from '../../api/index.js';
import { showError } from '../../util/errors.js';
import { dayjs, pickedToIso, zone } from '../../util/time.js';
import { AV_CLASSIFICATIONS, endedBeforeToday } from './av-labels.js';
import { MatterStepPicker } from './MatterStepPicker.js';

type Values = {
  title?: string;
  classification?: string;
  description?: string;
  place?: string;
  matterId?: string;
  stepId?: string;
  officerId?: string;
  startedAt?: Dayjs;
  endedAt?: Dayjs;
  keyPoints: string[];
  recordedBy: 'officer' | 'party';
  remoteWork: boolean;
  returnedAt?: Dayjs;
  exceptionApproved: boolean;
  lateReason?: string;
};
const picked = (iso: string | null) => (iso ? dayjs(iso).tz(zone) : undefined);
const out = (d?: Dayjs | null) => (d ? pickedToIso(d) : null);

type Props = { agencyId: string; record: AvRecordDetail; matter?: Pick<Matter, 'id' | 'number' | 'title'> | null; officers: Officer[]; keyPoints: string[]; canWork: boolean; onSaved: (r: AvRecord) => void };

/**
 * 分类整理 (AV-5, AV-1, AV-11): name, classify and describe place and content; link the record
 * to its matter and step; who recorded it, when, and why it was stored late if it was.
 * The original file is never changed.
 */
export function AvOrganiseForm({ agencyId, record, matter, officers, keyPoints, canWork, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const remoteWork = Form.useWatch('remoteWork', form);
  const endedAt = Form.useWatch('endedAt', form) as Dayjs | undefined;

  useEffect(() => {
    const r = record;
    form.setFieldsValue({
      title: r.title ?? '',
      classification: r.classification ?? undefined,
      description: r.description ?? '',
      place: r.place ?? '',
      matterId: r.matterId ?? undefined,
      stepId: r.stepId ?? undefined,
      officerId: r.officerId ?? undefined,
      startedAt: picked(r.startedAt),
      endedAt: picked(r.endedAt),
      keyPoints: r.keyPoints,
      recordedBy: r.recordedBy,
      remoteWork: r.remoteWork,
      returnedAt: picked(r.returnedAt),
      exceptionApproved: r.exceptionApproved,
      lateReason: r.lateReason ?? '',
    });
    // Only when the record itself changed (not when a bookmark was added): unsaved edits stay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, record.id, record.updatedAt]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await avApi.organise(agencyId, record.id, {
        // Title, classification and description cannot be emptied once given: left out when blank.
        title: v.title?.trim() || undefined,
        classification: v.classification?.trim() || undefined,
        description: v.description?.trim() || undefined,
        place: v.place?.trim() || null,
        matterId: v.matterId ?? null,
        stepId: v.stepId ?? null,
        officerId: v.officerId ?? null,
        startedAt: out(v.startedAt),
        endedAt: out(v.endedAt),
        keyPoints: v.keyPoints ?? [],
        recordedBy: v.recordedBy,
        remoteWork: v.remoteWork,
        returnedAt: v.remoteWork ? out(v.returnedAt) : null,
        exceptionApproved: v.exceptionApproved,
        lateReason: v.lateReason?.trim() || null,
      });
      void message.success(saved.organisedAt && !record.organisedAt ? '已整理' : '已保存');
      onSaved(saved);
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  // Marked as required: the record counts as organised (AV-5) once all three are given.
  const need = (label: string) => [{ required: !record.organisedAt, whitespace: true, message: `请填写${label}`, warningOnly: true }];
  const picker = <DatePicker showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" style={{ width: '100%' }} />;
  return (
    <Form form={form} layout="vertical" name="av-organise" className="form-grid" disabled={!canWork}>
      <Form.Item label="标题" name="title" rules={[...need('标题'), { max: 200, message: '不能超过 200 字' }]} className="span-2">
        <Input placeholder="如 扣押现场：宣读扣押决定书" data-testid="av-title" />
      </Form.Item>
      <Form.Item label="分类" name="classification" rules={need('分类')}>
        <AutoComplete options={AV_CLASSIFICATIONS.map((c) => ({ value: c }))} placeholder="选择或填写" data-testid="av-classification" />
      </Form.Item>
      <Form.Item label="录制人" name="recordedBy">
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'officer', label: '执法人员' }, { value: 'party', label: '当事人提供' }]} />
      </Form.Item>
      <Form.Item label="地点和内容描述" name="description" rules={[...need('地点和内容描述'), { max: 5000, message: '不能超过 5000 字' }]} className="span-2">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="在何处、记录了什么" data-testid="av-description" />
      </Form.Item>
      <Form.Item label="录制地点" name="place" rules={[{ max: 200, message: '不能超过 200 字' }]}>
        <Input data-testid="av-organise-place" />
      </Form.Item>
      <Form.Item label="执法人员" name="officerId">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` }))} />
      </Form.Item>
      <MatterStepPicker agencyId={agencyId} initialMatter={matter} />
      <Form.Item label="开始录制（北京时间）" name="startedAt">
        {picker}
      </Form.Item>
      <Form.Item label="结束录制（北京时间）" name="endedAt">
        {picker}
      </Form.Item>
      <Form.Item label="涵盖的清单要点" name="keyPoints" className="span-2">
        <Select mode="tags" placeholder={keyPoints.length ? '选择本记录涵盖的要点' : '填写本记录涵盖的要点'} options={keyPoints.map((k) => ({ value: k, label: k }))} data-testid="av-keypoints" />
      </Form.Item>
      <Form.Item label="异地执法" name="remoteWork" valuePropName="checked">
        <Switch />
      </Form.Item>
      {remoteWork ? (
        <Form.Item label="返回单位时间" name="returnedAt" rules={[{ required: true, message: '请填写返回单位的时间' }]}>
          {picker}
        </Form.Item>
      ) : (
        <div />
      )}
      {endedBeforeToday(out(endedAt)) || record.lateReason ? (
        <>
          <Form.Item label="未能及时储存的原因" name="lateReason" className="span-2" rules={[{ max: 1000, message: '不能超过 1000 字' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="av-organise-late-reason" />
          </Form.Item>
          <Form.Item name="exceptionApproved" valuePropName="checked" className="span-2">
            <Checkbox>延迟储存已经负责人批准</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {canWork ? (
        <div className="span-2">
          <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)} data-testid="av-organise-save">
            {record.organisedAt ? '保存' : '完成整理'}
          </Button>
        </div>
      ) : null}
    </Form>
  );
}
