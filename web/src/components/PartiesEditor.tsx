import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { idTypeLabels } from '../matter-labels.js';
import { residentIdProblem, usccProblem } from '../util/id-numbers.js';
import { ALL_KIND_FIELDS, GENDERS, addressLabel, partyKindOptions, phoneProblem, postcodeProblem } from '../util/party.js';
import { dayjs } from '../util/time.js';

// 当事人 of a new matter as the forms record them (issue 12): a person with ID and personal
// details, an organisation with its 统一社会信用代码, 法定代表人 and 证照, or a 个体工商户 with 字号
// and 经营者. ID numbers, phone and postcode are checked here before the server sees them.

const idTypesFor = (kind: string) => (kind === 'natural' ? ['resident_id', 'passport', 'other_id'] : ['uscc']);
const checkWith = (problem: (v: string) => string | null): Rule => ({
  validator: async (_, v: string | undefined) => {
    const p = v && v.trim() ? problem(v) : null;
    if (p) throw new Error(p);
  },
});
const asDate = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: { format: (f: string) => string } | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function PartiesEditor() {
  const form = Form.useFormInstance();
  const kindChanged = (name: number, kind: string) => {
    form.setFieldValue(['parties', name, 'idType'], idTypesFor(kind)[0]);
    for (const key of ALL_KIND_FIELDS) form.setFieldValue(['parties', name, key], null);
  };
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <div className="parties-editor">
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              className="party-card"
              title={`当事人 ${i + 1}`}
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label="删除当事人" onClick={() => remove(f.name)} />}
            >
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const kind = form.getFieldValue(['parties', f.name, 'kind']) as string;
                  const item = (key: string, label: string, testId: string, extra: Partial<Parameters<typeof Form.Item>[0]> = {}, input = <Input data-testid={`party-${i}-${testId}`} />) => (
                    <Form.Item label={label} name={[f.name, key]} {...extra}>
                      {input}
                    </Form.Item>
                  );
                  return (
                    <div className="form-grid">
                      <Form.Item label="类型" name={[f.name, 'kind']} rules={[{ required: true, message: '请选择当事人类型' }]}>
                        <Select options={partyKindOptions} onChange={(k: string) => kindChanged(f.name, k)} data-testid={`party-${i}-kind`} />
                      </Form.Item>
                      <Form.Item label={kind === 'natural' ? '姓名' : '名称'} name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写当事人名称或姓名' }]}>
                        <Input data-testid={`party-${i}-name`} />
                      </Form.Item>
                      <Form.Item label="证件类型" name={[f.name, 'idType']} rules={[{ required: true, message: '请选择证件类型' }]}>
                        <Select options={idTypesFor(kind).map((v) => ({ value: v, label: idTypeLabels[v] }))} data-testid={`party-${i}-id-type`} />
                      </Form.Item>
                      <Form.Item
                        label="证件号码"
                        name={[f.name, 'idNumber']}
                        dependencies={[['parties', f.name, 'idType']]}
                        rules={[
                          { required: true, whitespace: true, message: '请填写证件号码' },
                          checkWith((v) => {
                            const type = form.getFieldValue(['parties', f.name, 'idType']) as string;
                            return type === 'uscc' ? usccProblem(v) : type === 'resident_id' ? residentIdProblem(v) : null;
                          }),
                        ]}
                      >
                        <Input data-testid={`party-${i}-id-number`} />
                      </Form.Item>
                      {kind === 'natural' ? (
                        <>
                          {item('gender', '性别', 'gender', {}, <Select allowClear options={Object.entries(GENDERS).map(([value, label]) => ({ value, label }))} data-testid={`party-${i}-gender`} />)}
                          {item('birthDate', '出生日期', 'birth-date', asDate, <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid={`party-${i}-birth-date`} />)}
                          {item('age', '年龄（无出生日期时填写）', 'age', {}, <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} data-testid={`party-${i}-age`} />)}
                          {item('occupation', '职业', 'occupation')}
                          {item('employer', '工作单位', 'employer')}
                        </>
                      ) : null}
                      {kind === 'legal' ? (
                        <>
                          {item('legalRepresentative', '法定代表人/负责人', 'representative')}
                          {item('legalRepresentativeTitle', '职务', 'representative-title')}
                        </>
                      ) : null}
                      {kind === 'individual_business' ? (
                        <>
                          {item('tradeName', '字号', 'trade-name')}
                          {item('operatorName', '经营者', 'operator', { rules: [{ required: true, whitespace: true, message: '请填写个体工商户的经营者姓名' }] })}
                        </>
                      ) : null}
                      {kind !== 'natural' ? (
                        <>
                          {item('licenceName', '主体资格证照名称', 'licence-name', {}, <Input placeholder="如：营业执照" data-testid={`party-${i}-licence-name`} />)}
                          {item('licenceNumber', '证照编号', 'licence-number')}
                        </>
                      ) : null}
                      {item('phone', '联系电话', 'phone', { rules: [checkWith(phoneProblem)] }, <Input inputMode="tel" data-testid={`party-${i}-phone`} />)}
                      {item('postcode', '邮编', 'postcode', { rules: [checkWith(postcodeProblem)] }, <Input inputMode="numeric" maxLength={6} data-testid={`party-${i}-postcode`} />)}
                      {item('address', addressLabel(kind), 'address', { className: 'span-2' })}
                    </div>
                  );
                }}
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'legal', idType: 'uscc' })} data-testid="party-add">
            添加当事人
          </Button>
        </div>
      )}
    </Form.List>
  );
}
