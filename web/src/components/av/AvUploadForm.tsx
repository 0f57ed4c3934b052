import { CameraOutlined, CloudUploadOutlined, FolderOpenOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { MatterDetail } from '../../api/index.js';
import { useSession } from '../../session.js';
import { dayjs, formatDateTime, pickedToIso } from '../../util/time.js';
import { endedBeforeToday, fileSize } from './av-labels.js';
import { UploadProgressList } from './UploadProgressList.js';
import { HASH_LIMIT, useAvUploads } from './useAvUploads.js';
import './av.css';

type Values = { stepId?: string; officerId?: string; startedAt?: Dayjs; endedAt?: Dayjs; place?: string; recordedBy: 'officer' | 'party'; remoteWork: boolean; returnedAt?: Dayjs; lateReason?: string };
const iso = (d?: Dayjs | null) => (d ? pickedToIso(d) : undefined);

/**
 * 上传音像记录 for a matter (AV-1, AV-2, AV-11): take a photo or video with the tablet's camera
 * or pick files, say which step they record, when, where and by whom, and send them resumably.
 */
export function AvUploadForm({ agencyId, detail, myOfficerId, onUploaded }: { agencyId: string; detail: MatterDetail; myOfficerId?: string; onUploaded: (recordId: string) => void }) {
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { items, start, resume, pause, dismiss } = useAvUploads(agencyId, me?.csrfToken ?? null, onUploaded);
  const pick = useRef<HTMLInputElement>(null);
  const photo = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLInputElement>(null);
  const endedAt = Form.useWatch('endedAt', form);
  const remoteWork = Form.useWatch('remoteWork', form);
  const late = endedBeforeToday(iso(endedAt));
  // The signed-in officer recorded it, unless said otherwise (their record loads after the form).
  useEffect(() => {
    if (myOfficerId && !form.getFieldValue('officerId')) form.setFieldsValue({ officerId: myOfficerId });
  }, [form, myOfficerId]);

  const add = (list: FileList | null) => {
    if (list?.length) setFiles((f) => [...f, ...Array.from(list)]);
    setProblem(null);
    for (const input of [pick, photo, video]) if (input.current) input.current.value = '';
  };

  const send = async () => {
    if (!files.length) return setProblem('请先拍摄或选择照片、录像');
    const v = await form.validateFields();
    await start(files, {
      matterId: detail.matter.id,
      stepId: v.stepId,
      officerId: v.officerId,
      startedAt: iso(v.startedAt),
      endedAt: iso(v.endedAt),
      place: v.place?.trim(),
      recordedBy: v.recordedBy,
      remoteWork: v.remoteWork ? 'true' : undefined,
      returnedAt: v.remoteWork ? iso(v.returnedAt) : undefined,
      lateReason: v.lateReason?.trim(),
    });
    setFiles([]);
  };

  const steps = [...detail.steps].reverse();
  return (
    <div className="av-upload" data-testid="av-upload">
      <div className="av-pickers">
        <input ref={photo} type="file" accept="image/*" capture="environment" hidden onChange={(e) => add(e.target.files)} data-testid="av-capture-photo" />
        <input ref={video} type="file" accept="video/*" capture="environment" hidden onChange={(e) => add(e.target.files)} data-testid="av-capture-video" />
        <input ref={pick} type="file" accept="video/*,image/*,audio/*" multiple hidden onChange={(e) => add(e.target.files)} data-testid="av-file-input" />
        <Button size="large" icon={<CameraOutlined />} onClick={() => photo.current?.click()}>
          拍照
        </Button>
        <Button size="large" icon={<VideoCameraOutlined />} onClick={() => video.current?.click()}>
          录像
        </Button>
        <Button size="large" icon={<FolderOpenOutlined />} onClick={() => pick.current?.click()} data-testid="av-pick">
          选择文件
        </Button>
        <span className="muted">可一次选择多个文件；大文件可断点续传</span>
      </div>
      {files.length ? (
        <div className="av-picked" data-testid="av-picked">
          {files.map((f, i) => (
            <Tag key={`${f.name}-${i}`} closable onClose={() => setFiles((all) => all.filter((x) => x !== f))}>
              {f.name}（{fileSize(f.size)}
              {f.size > HASH_LIMIT ? '，由服务器计算校验值' : ''}）
            </Tag>
          ))}
        </div>
      ) : null}
      {problem ? <Alert type="warning" showIcon title={problem} className="av-alert" /> : null}
      <Form form={form} layout="vertical" name="av-upload" className="form-grid" initialValues={{ recordedBy: 'officer', remoteWork: false, officerId: myOfficerId, stepId: steps[0]?.id }}>
        <Form.Item label="所记录的环节" name="stepId" extra="用于对照音像记录事项清单的要点">
          <Select
            allowClear
            placeholder="选择环节"
            options={steps.map((s) => ({ value: s.id, label: `${s.label} · ${formatDateTime(s.occurredAt).slice(0, 16)}` }))}
            data-testid="av-step"
          />
        </Form.Item>
        <Form.Item label="录制人" name="recordedBy">
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'officer', label: '执法人员' }, { value: 'party', label: '当事人提供' }]} data-testid="av-recorded-by" />
        </Form.Item>
        <Form.Item label="开始录制（北京时间）" name="startedAt">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="av-started" />
        </Form.Item>
        <Form.Item
          label="结束录制（北京时间）"
          name="endedAt"
          dependencies={['startedAt']}
          rules={[({ getFieldValue }) => ({ validator: (_, v?: Dayjs) => (v && getFieldValue('startedAt') && v.isBefore(getFieldValue('startedAt')) ? Promise.reject(new Error('结束时间不能早于开始时间')) : Promise.resolve()) })]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} data-testid="av-ended" />
        </Form.Item>
        <Form.Item label="执法人员" name="officerId">
          <Select allowClear options={detail.officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` }))} data-testid="av-officer" />
        </Form.Item>
        <Form.Item label="录制地点" name="place" rules={[{ max: 200, message: '不能超过 200 字' }]}>
          <Input placeholder="如 石文镇文化路 8 号" data-testid="av-place" />
        </Form.Item>
        <Form.Item label="异地执法" name="remoteWork" valuePropName="checked" extra="异地执法的，储存时限自返回单位起算">
          <Switch data-testid="av-remote" />
        </Form.Item>
        {remoteWork ? (
          <Form.Item label="返回单位时间" name="returnedAt" rules={[{ required: true, message: '请填写返回单位的时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="av-returned" />
          </Form.Item>
        ) : null}
        {late ? (
          <Form.Item label="未能及时储存的原因" name="lateReason" className="span-2" extra="录制结束已不在今天：如超过本机关的储存时限，请说明原因，将随问题一并显示" rules={[{ max: 1000, message: '不能超过 1000 字' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如 异地执法，设备次日带回" data-testid="av-late-reason" />
          </Form.Item>
        ) : null}
      </Form>
      <Space>
        <Button type="primary" size="large" icon={<CloudUploadOutlined />} onClick={() => void send().catch(() => undefined)} data-testid="av-upload-start">
          上传{files.length ? ` ${files.length} 个文件` : ''}
        </Button>
      </Space>
      <UploadProgressList items={items} onResume={resume} onPause={pause} onDismiss={dismiss} />
    </div>
  );
}
