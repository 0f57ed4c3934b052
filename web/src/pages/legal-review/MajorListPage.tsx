import '../../components/legal-review/legal-review.css';
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { legalReviewApi, type CriterionGroup, type ListCriterion, type ListParameters } from '../../api/legal-review.js';
import { groupLabels } from '../../components/legal-review/labels.js';
import { StaffingCard } from '../../components/legal-review/StaffingCard.js';
import { Guard, Page } from '../../components/Page.js';
import { useSession } from '../../session.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

export function MajorListPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <MajorList />
    </Guard>
  );
}

const GROUPS: CriterionGroup[] = ['penalty', 'licence', 'coercion', 'general'];
type Values = ListParameters & { basis: string };

/**
 * 重大执法决定目录清单 (REV-1, REV-7, REV-8): the criteria of S3 by kind, switched on or off, the
 * hearing amounts, the option to review every general-procedure penalty; each change a new
 * version with its basis. Everyone reads it; the agency's admin changes it.
 */
function MajorList() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const list = useLoad(() => legalReviewApi.list(agencyId), [agencyId]);
  const [form] = Form.useForm<Values>();
  const [disabled, setDisabled] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const canEdit = access.can.changeMajorList;
  const l = list.data;
  const showStaffing = access.can.readMatters;

  useEffect(() => {
    if (!l) return;
    setDisabled(new Set(l.criteria.filter((c) => !c.enabled).map((c) => c.id)));
    form.setFieldsValue({ ...l.parameters, basis: '' });
  }, [l, form]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await legalReviewApi.updateList(agencyId, {
        parameters: { hearingFineNatural: v.hearingFineNatural ?? null, hearingFineLegal: v.hearingFineLegal ?? null, reviewAllGeneralPenalties: !!v.reviewAllGeneralPenalties },
        disabledCriteria: [...disabled],
        basis: v.basis.trim(),
      });
      void message.success(`已保存为第 ${saved.version} 版`);
      list.reload();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setDisabled((s) => {
      const n = new Set(s);
      if (on) n.delete(id);
      else n.add(id);
      return n;
    });

  const columns: TableColumnsType<ListCriterion> = [
    { title: '标准', key: 'text', render: (_: unknown, c) => <span className={disabled.has(c.id) ? 'muted' : ''}>{c.text}</span> },
    { title: '出处', dataIndex: 'source', width: 170, render: (s: string) => <span className="muted">{s}</span> },
    { title: '判断方式', key: 'how', width: 110, render: (_: unknown, c) => (c.decidedFromData ? <Tag color="blue">依事项数据</Tag> : <Tag color="gold">承办人回答</Tag>) },
    {
      title: '适用',
      key: 'on',
      width: 70,
      render: (_: unknown, c) => <Switch size="small" checked={!disabled.has(c.id)} disabled={!canEdit} onChange={(on) => toggle(c.id, on)} data-testid={`criterion-${c.id}`} />,
    },
  ];

  return (
    <Page title="重大执法决定目录清单" description={l ? `${l.version ? `现行第 ${l.version} 版` : '默认版本（本机关尚未修改）'} · 依据：${l.basis}${l.createdAt ? ` · ${formatDateTime(l.createdAt).slice(0, 16)} ${l.createdByName ?? ''}` : ''}` : undefined}>
      {showStaffing ? <StaffingCard agencyId={agencyId} /> : null}
      <Card title="数额与选项" size="small" className="section-card" loading={!l}>
        <Form form={form} layout="vertical" name="major-list" className="form-grid" disabled={!canEdit}>
          <Form.Item label="自然人罚款（没收）达到可要求听证的数额（元）" name="hearingFineNatural" extra="不填则由承办人逐案回答">
            <InputNumber min={0} style={{ width: '100%' }} placeholder="未设定" data-testid="list-hearing-natural" />
          </Form.Item>
          <Form.Item label="法人或其他组织罚款（没收）达到可要求听证的数额（元）" name="hearingFineLegal" extra="不填则由承办人逐案回答">
            <InputNumber min={0} style={{ width: '100%' }} placeholder="未设定" data-testid="list-hearing-legal" />
          </Form.Item>
          <Form.Item label="适用一般程序的行政处罚决定均进行法制审核（法制审核办法 第十八条）" name="reviewAllGeneralPenalties" valuePropName="checked" className="span-2">
            <Switch data-testid="list-review-all" />
          </Form.Item>
          {canEdit ? (
            <Form.Item label="修改依据" name="basis" className="span-2" rules={[{ required: true, whitespace: true, message: '请填写修改依据，如局务会纪要文号' }]}>
              <Input placeholder="如：局务会纪要〔2026〕5号" data-testid="list-basis" />
            </Form.Item>
          ) : null}
        </Form>
        {canEdit ? (
          <Space>
            <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save().catch(() => undefined)} data-testid="list-save">
              保存为新版本
            </Button>
            <span className="muted">标准的开关也随本次保存。</span>
          </Space>
        ) : null}
      </Card>
      {GROUPS.map((g) => (
        <Card key={g} title={groupLabels[g]} size="small" className="section-card" loading={!l}>
          <Table<ListCriterion> rowKey="id" size="small" columns={columns} dataSource={(l?.criteria ?? []).filter((c) => c.group === g)} pagination={false} tableLayout="fixed" data-testid={`criteria-${g}`} />
        </Card>
      ))}
    </Page>
  );
}
