import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, policyApi, type ChecklistRow } from '../api/index.js';
import { ACTIVITIES, activityLabel, CHECKLIST_LEVELS, ENFORCEMENT_CATEGORIES, levelColors, RECORDING_MEANS, type ChecklistLevel } from '../rules-labels.js';
import { errorMessage } from '../util/errors.js';

type Values = Pick<ChecklistRow, 'categories' | 'activity' | 'level' | 'means'> & { condition?: string; keyPoints: string[]; basis: string };
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** Saves the full rows array as a new policy version; server validation problems are listed. */
async function saveRows(agencyId: string, rows: ChecklistRow[], basis: string, setIssues: (m: string[]) => void) {
  try {
    await policyApi.adjust(agencyId, { checklistRows: rows, basis: basis.trim() });
    return true;
  } catch (err) {
    const details = err instanceof ApiError ? ((err.details as { issues?: { message: string }[] })?.issues ?? []) : [];
    setIssues(details.length ? details.map((i) => i.message) : [errorMessage(err)]);
    return false;
  }
}

const basisItem = (
  <Form.Item label="调整依据" name="basis" rules={[{ required: true, whitespace: true, message: '请写明调整依据' }, { min: 2, message: '请写明调整依据' }]}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="文号、会议纪要或理由" data-testid="row-basis" />
  </Form.Item>
);

/** Edits one row of the 音像记录事项清单 (index null: a new row). */
export function ChecklistRowModal(props: { agencyId: string; rows: ChecklistRow[]; index: number | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { agencyId, rows, index, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const row = typeof index === 'number' ? rows[index] : undefined;

  useEffect(() => {
    if (index === null) return;
    form.resetFields();
    setIssues([]);
    form.setFieldsValue(
      row
        ? { categories: row.categories, activity: row.activity, level: row.level, means: row.means, condition: row.condition ?? '', keyPoints: row.keyPoints, basis: '' }
        : { categories: [], level: 'mandatory', means: ['video'], keyPoints: [], basis: '' },
    );
  }, [index]); // eslint-disable-line react-hooks/exhaustive-deps

  if (index === null) return null;

  const submit = async () => {
    const v = await form.validateFields();
    const previous = row ? (row.source.seed === 'agency' ? row.note : `原依据：${row.source.seed} ${row.source.article}`) : undefined;
    const next: ChecklistRow = {
      categories: v.categories,
      activity: v.activity,
      level: v.level,
      keyPoints: (v.keyPoints ?? []).map((k) => k.trim()).filter(Boolean),
      means: v.means ?? [],
      condition: v.condition?.trim() || null,
      source: { seed: 'agency', article: '本机关调整', quote: v.basis.trim() },
      ...(previous ? { note: previous } : {}),
    };
    const all = typeof index === 'number' ? rows.map((r, i) => (i === index ? next : r)) : [...rows, next];
    setSaving(true);
    setIssues([]);
    const ok = await saveRows(agencyId, all, v.basis, setIssues);
    setSaving(false);
    if (ok) {
      void message.success(`已保存：${activityLabel(v.activity)}`);
      onSaved();
    }
  };

  return (
    <Modal
      open
      title={row ? `编辑事项：${activityLabel(row.activity)}` : '新增事项'}
      okText="保存为新版本"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'row-save' }}
    >
      <Form form={form} layout="vertical" name="checklist-row">
        <div className="form-grid">
          <Form.Item label="执法环节" name="activity" rules={[{ required: true, message: '请选择执法环节' }]}>
            <Select options={opts(ACTIVITIES)} showSearch={{ optionFilterProp: 'label' }} data-testid="row-activity" />
          </Form.Item>
          <Form.Item label="记录要求" name="level" rules={[{ required: true, message: '请选择记录要求' }]}>
            <Select
              options={Object.entries(CHECKLIST_LEVELS).map(([value, label]) => ({ value, label: <Tag color={levelColors[value as ChecklistLevel]}>{label}</Tag> }))}
              data-testid="row-level"
            />
          </Form.Item>
          <Form.Item label="执法类别" name="categories" className="span-2" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个执法类别' }]}>
            <Select mode="multiple" options={opts(ENFORCEMENT_CATEGORIES)} data-testid="row-categories" />
          </Form.Item>
          <Form.Item label="适用情形（可选）" name="condition" className="span-2" extra="仅在该情形下适用时填写，如“容易引起行政争议的”">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="记录方式" name="means" className="span-2">
            <Checkbox.Group options={opts(RECORDING_MEANS)} />
          </Form.Item>
        </div>
        <Form.List name="keyPoints">
          {(fields, { add, remove, move }) => (
            <Form.Item label={`记录要点（${fields.length} 项）`}>
              <div className="keypoint-list">
                {fields.map((f, i) => (
                  <div key={f.key} className="keypoint-row">
                    <span className="keypoint-no">{i + 1}.</span>
                    <Form.Item name={f.name} noStyle rules={[{ required: true, whitespace: true, message: '请填写要点或删除此行' }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid={`row-keypoint-${i}`} />
                    </Form.Item>
                    <Space.Compact>
                      <Button aria-label="上移" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                      <Button aria-label="下移" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                      <Button aria-label="删除" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Space.Compact>
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block data-testid="row-keypoint-add">
                  添加要点
                </Button>
              </div>
            </Form.Item>
          )}
        </Form.List>
        {basisItem}
      </Form>
      {issues.length ? <Alert type="error" showIcon title="未能保存" description={issues.join('；')} /> : null}
    </Modal>
  );
}

/** Removes one row, with the basis for the removal. */
export function DeleteRowModal(props: { agencyId: string; rows: ChecklistRow[]; index: number | null; onClose: () => void; onSaved: () => void }) {
  const { agencyId, rows, index, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ basis: string }>();
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  if (index === null || !rows[index]) return null;
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const ok = await saveRows(agencyId, rows.filter((_, i) => i !== index), v.basis, setIssues);
    setSaving(false);
    if (ok) {
      void message.success('已删除该事项');
      onSaved();
    }
  };
  return (
    <Modal open title={`删除事项：${activityLabel(rows[index].activity)}`} okText="删除并保存为新版本" okButtonProps={{ danger: true }} onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="checklist-delete">
        {basisItem}
      </Form>
      {issues.length ? <Alert type="error" showIcon title="未能保存" description={issues.join('；')} /> : null}
    </Modal>
  );
}
