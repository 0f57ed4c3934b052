import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import { idTypeLabels } from '../matter-labels.js';
import { residentIdProblem, usccProblem } from '../util/id-numbers.js';

// 当事人 of a new matter: a natural person with an ID, or a legal person with its 统一社会信用代码.
// The ID numbers are checked here (length and check digit) before the server sees them.

const idTypesFor = (kind: string) => (kind === 'legal' ? ['uscc'] : ['resident_id', 'passport', 'other_id']);

export function PartiesEditor() {
  const form = Form.useFormInstance();
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
              <div className="form-grid">
                <Form.Item label="类型" name={[f.name, 'kind']} rules={[{ required: true }]}>
                  <Select
                    options={[
                      { value: 'legal', label: '法人或其他组织' },
                      { value: 'natural', label: '自然人' },
                    ]}
                    onChange={(k: string) => form.setFieldValue(['parties', f.name, 'idType'], idTypesFor(k)[0])}
                    data-testid={`party-${i}-kind`}
                  />
                </Form.Item>
                <Form.Item label="名称/姓名" name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写当事人名称或姓名' }]}>
                  <Input data-testid={`party-${i}-name`} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const kind = form.getFieldValue(['parties', f.name, 'kind']) as string;
                    return (
                      <Form.Item label="证件类型" name={[f.name, 'idType']} rules={[{ required: true, message: '请选择证件类型' }]}>
                        <Select options={idTypesFor(kind).map((v) => ({ value: v, label: idTypeLabels[v] }))} data-testid={`party-${i}-id-type`} />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Form.Item
                  label="证件号码"
                  name={[f.name, 'idNumber']}
                  dependencies={[['parties', f.name, 'idType']]}
                  rules={[
                    { required: true, whitespace: true, message: '请填写证件号码' },
                    {
                      validator: async (_, v: string | undefined) => {
                        const type = form.getFieldValue(['parties', f.name, 'idType']) as string;
                        const problem = !v ? null : type === 'uscc' ? usccProblem(v) : type === 'resident_id' ? residentIdProblem(v) : null;
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]}
                >
                  <Input data-testid={`party-${i}-id-number`} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue(['parties', f.name, 'kind']) === 'legal' ? (
                      <Form.Item label="法定代表人/负责人" name={[f.name, 'legalRepresentative']}>
                        <Input data-testid={`party-${i}-representative`} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
                <Form.Item label="联系电话" name={[f.name, 'phone']}>
                  <Input inputMode="tel" data-testid={`party-${i}-phone`} />
                </Form.Item>
                <Form.Item label="住所/地址" name={[f.name, 'address']} className="span-2">
                  <Input data-testid={`party-${i}-address`} />
                </Form.Item>
              </div>
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
