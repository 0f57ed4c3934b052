import { Button, Empty, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useSession, type Access } from '../session.js';

/** The common frame of a page: a title, an optional description and actions on the right. */
export function Page({ title, description, extra, children }: { title: string; description?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <Typography.Title level={3} className="page-title">
            {title}
          </Typography.Title>
          {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
        </div>
        {extra ? <div className="page-extra">{extra}</div> : null}
      </div>
      {children}
    </div>
  );
}

/**
 * Shows the page only when an agency is selected and the user's abilities (from /api/auth/me)
 * allow it; otherwise says plainly why not.
 */
export function Guard({ allow, needAgency = true, children }: { allow: (a: Access) => boolean; needAgency?: boolean; children: ReactNode }) {
  const { agency, access } = useSession();
  if (needAgency && !agency) {
    return (
      <Empty description={access.platform.createAgency ? '尚无执法机关，请先新建执法机关' : '您尚未被授予任何机关的角色，请联系系统管理员'}>
        {access.platform.createAgency ? (
          <Link to="/agencies">
            <Button type="primary">前往执法机关</Button>
          </Link>
        ) : null}
      </Empty>
    );
  }
  if (!allow(access)) {
    return <Result status="403" title="无权访问" subTitle="您在当前机关的角色不能使用此功能。如需开通，请联系本机关系统管理员。" />;
  }
  return <>{children}</>;
}
