import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { tokenApi, type ApiToken, type NewApiToken } from '../api/index.js';
import { CreateTokenModal, TokenSecretModal, tokenColumns } from '../components/ApiTokenParts.js';
import { Guard, Page } from '../components/Page.js';
import { ServiceAccounts } from '../components/ServiceAccounts.js';
import { useSession } from '../session.js';
import { useLoad } from '../util/useLoad.js';

// A person's token acts as that person and is made by them only; collection stations get
// service accounts (采集站账号) that can upload AV records and nothing else.
export function TokensPage() {
  return (
    <Guard allow={(a) => a.can.listOwnApiTokens || a.can.manageServiceAccounts}>
      <Tokens />
    </Guard>
  );
}

function Tokens() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  return (
    <Page title="API 令牌" description="令牌供命令行工具等程序访问本机关数据，只在创建时显示一次。本人的令牌以本人身份操作；采集站使用采集站账号的令牌，只能上传音像记录。">
      {access.can.listOwnApiTokens ? <MyTokens agencyId={agencyId} /> : null}
      {access.can.manageServiceAccounts ? <ServiceAccounts agencyId={agencyId} /> : null}
    </Page>
  );
}

function MyTokens({ agencyId }: { agencyId: string }) {
  const tokens = useLoad(() => tokenApi.list(agencyId), [agencyId]);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  return (
    <Card
      title="我的令牌"
      style={{ marginBottom: 16 }}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="token-create">
          创建本人令牌
        </Button>
      }
    >
      <Table<ApiToken>
        rowKey="id"
        columns={tokenColumns(agencyId, tokens.reload, '吊销后使用该令牌的程序将无法再访问。')}
        dataSource={tokens.data ?? []}
        loading={tokens.loading}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无本人的 API 令牌' }}
        data-testid="token-table"
      />
      <CreateTokenModal
        agencyId={agencyId}
        title="创建本人的 API 令牌"
        open={open}
        onClose={() => setOpen(false)}
        onCreated={(t) => {
          setOpen(false);
          setCreated(t);
          tokens.reload();
        }}
      />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
