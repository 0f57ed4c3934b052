import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/index.js';
import { useSession } from '../session.js';
import { errorMessage } from '../util/errors.js';

type Values = { username: string; password: string };

// The server answers every refused sign-in alike (unknown, locked, disabled, wrong password), so
// that nobody learns which accounts exist; the hint names all the possibilities.
const hints: Record<string, string> = {
  INVALID_CREDENTIALS: '请检查用户名和密码。连续多次输错后账号将暂时锁定，锁定期间即使密码正确也无法登录；账号被停用或忘记密码请联系本机关系统管理员。',
};

export function SignInPage() {
  const { me, loading, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';

  if (!loading && me) return <Navigate to={target} replace />;

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password);
      navigate(target, { replace: true });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError({ message: errorMessage(err), hint: hints[code] });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="signin-bg">
      <div className="signin-card">
        <div className="signin-brand">
          <span className="brand-mark large">痕</span>
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              留痕
            </Typography.Title>
            <Typography.Text type="secondary">行政执法全过程记录信息管理系统</Typography.Text>
          </div>
        </div>
        {error ? (
          <Alert type="error" showIcon title={error.message} description={error.hint} className="signin-error" data-testid="sign-in-error" />
        ) : null}
        <Form<Values> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" data-testid="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" data-testid="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="sign-in-submit">
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="signin-foot">
          连续多次输错密码将暂时锁定账号。所有登录均记入审计日志。
        </Typography.Paragraph>
      </div>
    </div>
  );
}
