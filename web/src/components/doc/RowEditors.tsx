import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Table } from 'antd';
import type { ColumnDefinition, EvidenceRefValue, ItemRowValue, LawBasisValue, MatterOfficer, Officer, OfficerValue, Party, PartyValue } from '../../api/index.js';
import { addressLabel, partyKindOptions, partyValueOf } from '../../util/party.js';
import { dayjs } from '../../util/time.js';

// Editors for the structured field types of a document (docs/documents.md "Field types"). Each
// takes the field's value as the API holds it and reports changes in the same shape.

type Props<T> = { value?: T; onChange?: (v: T) => void; disabled?: boolean; testId?: string };

function rows<T>(value: T[] | undefined, onChange: ((v: T[]) => void) | undefined) {
  const list = value ?? [];
  return {
    list,
    set: (i: number, patch: Partial<T>) => onChange?.(list.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    add: (r: T) => onChange?.([...list, r]),
    remove: (i: number) => onChange?.(list.filter((_, j) => j !== i)),
  };
}

const del = (onClick: () => void, disabled?: boolean) => <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除此行" disabled={disabled} onClick={onClick} />;

/** 当事人: pick one of the matter's parties, then adjust; the fields shown follow the kind, as on the forms. */
export function PartyEditor({ value, onChange, disabled, testId, parties }: Props<PartyValue> & { parties: Party[] }) {
  const v: PartyValue = value ?? { kind: 'legal', name: '' };
  const set = (patch: Partial<PartyValue>) => onChange?.({ ...v, ...patch });
  const pick = (id: string) => {
    const p = parties.find((x) => x.id === id);
    if (p) onChange?.(partyValueOf(p));
  };
  const text = (key: keyof PartyValue, label: string, className?: string) => (
    <Input key={key} value={v[key] as string | undefined} disabled={disabled} className={className} prefix={<span className="muted">{label}</span>} onChange={(e) => set({ [key]: e.target.value })} />
  );
  return (
    <div className="sub-grid" data-testid={testId}>
      {parties.length ? <Select placeholder="从本事项当事人中选择" disabled={disabled} options={parties.map((p) => ({ value: p.id, label: p.name }))} onChange={pick} className="span-2" /> : null}
      <Select value={v.kind} disabled={disabled} onChange={(kind) => set({ kind })} options={partyKindOptions} />
      {text('name', v.kind === 'natural' ? '姓名' : '名称')}
      {text('idNumber', v.kind === 'natural' ? '证件号码' : '信用代码')}
      {v.kind === 'natural' ? [
        <Select key="gender" value={v.gender} allowClear placeholder="性别" disabled={disabled} options={['男', '女'].map((g) => ({ value: g, label: g }))} onChange={(gender) => set({ gender })} />,
        text('birthDate', '出生日期'),
        <InputNumber key="age" value={v.age} min={0} max={150} precision={0} disabled={disabled} prefix={<span className="muted">年龄</span>} onChange={(age) => set({ age: age ?? undefined })} style={{ width: '100%' }} />,
        text('occupation', '职业'),
        text('employer', '工作单位'),
      ] : null}
      {v.kind === 'legal' ? [text('legalRepresentative', '法定代表人'), text('legalRepresentativeTitle', '职务')] : null}
      {v.kind === 'individual_business' ? [text('tradeName', '字号'), text('operatorName', '经营者')] : null}
      {v.kind !== 'natural' ? [text('licenceName', '证照名称'), text('licenceNumber', '证照编号')] : null}
      {text('phone', '电话')}
      {text('postcode', '邮编')}
      {text('address', addressLabel(v.kind), 'span-2')}
    </div>
  );
}

/** 执法人员及执法证号 (S1 第九条): rows of name and certificate, added from the agency's officers. */
export function OfficersEditor({ value, onChange, disabled, testId, officers, matterOfficers }: Props<OfficerValue[]> & { officers: Officer[]; matterOfficers: MatterOfficer[] }) {
  const r = rows(value, onChange);
  const known = [...matterOfficers, ...officers.filter((o) => o.active && !matterOfficers.some((m) => m.id === o.id))];
  return (
    <div data-testid={testId}>
      {r.list.map((o, i) => (
        <div key={i} className="row-line">
          <Input value={o.name} disabled={disabled} placeholder="姓名" onChange={(e) => r.set(i, { name: e.target.value })} style={{ flex: 1 }} />
          <Input value={o.certificateNo} disabled={disabled} placeholder="执法证号" className="mono" onChange={(e) => r.set(i, { certificateNo: e.target.value })} style={{ flex: 1 }} />
          {del(() => r.remove(i), disabled)}
        </div>
      ))}
      <Select
        placeholder="添加执法人员"
        value={null}
        disabled={disabled}
        style={{ width: 260 }}
        options={known.filter((o) => !r.list.some((x) => x.certificateNo === o.certificateNo)).map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` }))}
        onChange={(id: string) => {
          const o = known.find((x) => x.id === id);
          if (o) r.add({ name: o.name, certificateNo: o.certificateNo });
        }}
      />
    </div>
  );
}

/** 法律依据: law, article, quoted text. */
export function LawBasisEditor({ value, onChange, disabled, testId }: Props<LawBasisValue[]>) {
  const r = rows(value, onChange);
  return (
    <div data-testid={testId}>
      {r.list.map((l, i) => (
        <div key={i} className="row-block">
          <div className="row-line">
            <Input value={l.law} disabled={disabled} placeholder="法律、法规名称，如《中华人民共和国行政强制法》" onChange={(e) => r.set(i, { law: e.target.value })} style={{ flex: 2 }} data-testid={`${testId}-${i}-law`} />
            <Input value={l.article} disabled={disabled} placeholder="条款，如 第二十四条" onChange={(e) => r.set(i, { article: e.target.value })} style={{ flex: 1 }} data-testid={`${testId}-${i}-article`} />
            {del(() => r.remove(i), disabled)}
          </div>
          <Input.TextArea value={l.quote} disabled={disabled} placeholder="条文内容（可选）" autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => r.set(i, { quote: e.target.value })} />
        </div>
      ))}
      <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => r.add({ law: '' })} data-testid={`${testId}-add`}>
        添加依据
      </Button>
    </div>
  );
}

/** 证据材料: what each piece is and where it is kept. */
export function EvidenceEditor({ value, onChange, disabled, testId }: Props<EvidenceRefValue[]>) {
  const r = rows(value, onChange);
  return (
    <div data-testid={testId}>
      {r.list.map((e, i) => (
        <div key={i} className="row-line">
          <Input value={e.description} disabled={disabled} placeholder="证据名称及内容，如 现场检查笔录" onChange={(x) => r.set(i, { description: x.target.value })} style={{ flex: 2 }} data-testid={`${testId}-${i}-description`} />
          <Input value={e.ref} disabled={disabled} placeholder="编号或出处（可选）" onChange={(x) => r.set(i, { ref: x.target.value })} style={{ flex: 1 }} />
          {del(() => r.remove(i), disabled)}
        </div>
      ))}
      <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => r.add({ description: '' })} data-testid={`${testId}-add`}>
        添加证据
      </Button>
    </div>
  );
}

function cell(c: ColumnDefinition, v: string | number | undefined, set: (x: string | number | undefined) => void, disabled?: boolean, testId?: string) {
  if (c.type === 'number' || c.type === 'money') return <InputNumber value={v as number | undefined} disabled={disabled} min={0} precision={c.type === 'money' ? 2 : undefined} onChange={(x) => set(x ?? undefined)} style={{ width: '100%' }} data-testid={testId} />;
  if (c.type === 'date') return <DatePicker value={v ? dayjs(String(v)) : null} disabled={disabled} onChange={(d) => set(d ? d.format('YYYY-MM-DD') : undefined)} />;
  if (c.type === 'select') return <Select value={v as string | undefined} disabled={disabled} options={c.options ?? []} onChange={set} style={{ width: '100%' }} />;
  return <Input value={v as string | undefined} disabled={disabled} onChange={(e) => set(e.target.value)} data-testid={testId} />;
}

/** A table of rows (扣押物品 …) with the columns the document type defines. */
export function ItemsEditor({ value, onChange, disabled, testId, columns }: Props<ItemRowValue[]> & { columns: ColumnDefinition[] }) {
  const r = rows(value, onChange);
  return (
    <div data-testid={testId}>
      <Table<ItemRowValue & { _i: number }>
        size="small"
        pagination={false}
        rowKey="_i"
        scroll={{ x: columns.length * 120 }}
        dataSource={r.list.map((row, _i) => ({ ...row, _i }))}
        locale={{ emptyText: '尚无条目' }}
        columns={[
          { title: '序号', key: 'n', width: 56, render: (_: unknown, row) => row._i + 1 },
          ...columns.map((c) => ({
            title: `${c.label}${c.required ? ' *' : ''}`,
            key: c.key,
            width: c.type === 'text' ? 150 : 110,
            render: (_: unknown, row: ItemRowValue & { _i: number }) => cell(c, row[c.key], (x) => r.set(row._i, { [c.key]: x }), disabled, `${testId}-${row._i}-${c.key}`),
          })),
          { title: '', key: 'del', width: 48, render: (_: unknown, row) => del(() => r.remove(row._i), disabled) },
        ]}
      />
      <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => r.add({})} style={{ marginTop: 8 }} data-testid={`${testId}-add`}>
        添加一行
      </Button>
    </div>
  );
}
