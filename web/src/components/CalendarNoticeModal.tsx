import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { checkYearNotice } from '../../../src/rules/calendar/check-notice.js';
import { calendarApi, type CalendarDay } from '../api/index.js';
import { showError } from '../util/errors.js';
import { dayjs } from '../util/time.js';

type Values = { holidays: { name: string; range: [Dayjs, Dayjs] }[]; makeUpWorkdays: Dayjs[]; basis: string };
const d = (s: string) => dayjs(s, 'YYYY-MM-DD');
const s = (x: Dayjs) => x.format('YYYY-MM-DD');

/** Consecutive holiday days of the same name, as ranges: the form starts from what the year shows now. */
export function holidayRanges(days: CalendarDay[]): { name: string; start: string; end: string }[] {
  const out: { name: string; start: string; end: string }[] = [];
  for (const day of days) {
    if (day.kind !== 'holiday') continue;
    const last = out[out.length - 1];
    const name = day.holidayName ?? '节假日';
    if (last && last.name === name && s(d(last.end).add(1, 'day')) === day.date) last.end = day.date;
    else out.push({ name, start: day.date, end: day.date });
  }
  return out;
}

/** 录入通知: the State Council's holiday arrangement for one year, which then wins over the bundled data. */
export function CalendarNoticeModal(props: { open: boolean; year: number; days: CalendarDay[]; onClose: () => void; onSaved: () => void }) {
  const { open, year, days, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      holidays: holidayRanges(days).map((h) => ({ name: h.name, range: [d(h.start), d(h.end)] })),
      makeUpWorkdays: days.filter((x) => x.kind === 'make_up_workday').map((x) => d(x.date)),
      basis: '',
    });
  }, [open, days, form]);

  const inYear = (x: Dayjs) => x.year() !== year;
  const noticeOf = (v: Partial<Values>) => ({
    year,
    holidays: (v.holidays ?? []).filter((h) => h?.range?.[0] && h.range[1]).map((h) => ({ name: (h.name ?? '').trim(), start: s(h.range[0]), end: s(h.range[1]) })),
    makeUpWorkdays: (v.makeUpWorkdays ?? []).map(s).sort(),
  });
  // The server's own check (a weekday as 调休上班, a day both rest and work), shown on the field before saving.
  const makeUpRule = {
    validator: () => {
      const problem = checkYearNotice(noticeOf(form.getFieldsValue())).find((p) => p.field === 'makeUpWorkdays');
      return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
    },
  };
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const notice = noticeOf(v);
      await calendarApi.enterNotice(notice, v.basis.trim());
      void message.success(`已录入 ${year} 年节假日安排`);
      onSaved();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`录入 ${year} 年节假日安排通知`}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      okButtonProps={{ 'data-testid': 'notice-save' }}
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅通知填写放假日期和调休上班日。保存后本年以此为准，未列出的日期按周一至周五上班、周六周日休息计算。已按当前日历预填，请逐项核对。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="notice">
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <Form.Item label="放假安排">
              {fields.map((f) => (
                <div key={f.key} className="notice-row">
                  <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}>
                    <Input placeholder="节日，如 春节" className="notice-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'range']} noStyle rules={[{ required: true, message: '请选择放假日期' }]}>
                    <DatePicker.RangePicker disabledDate={inYear} defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)]} />
                  </Form.Item>
                  <Button aria-label="删除" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} block>
                添加放假安排
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label="调休上班日" name="makeUpWorkdays" extra="通知中周六、周日上班的日期" rules={[makeUpRule]} dependencies={['holidays']} data-testid="notice-make-up">
          <DatePicker multiple disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="通知文号" name="basis" rules={[{ required: true, whitespace: true, message: '请写明通知文号' }, { min: 2, message: '请写明通知文号' }]}>
          <Input placeholder={`如 国办发明电〔${year - 1}〕X号`} data-testid="notice-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
