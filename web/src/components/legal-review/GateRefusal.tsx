import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/index.js';
import { GATE_REASONS } from './labels.js';

/** The CASE-5 reason of a refused request, when the legal-review panel is where to resolve it. */
export function gateReason(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'OUT_OF_ORDER') return null;
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && GATE_REASONS.has(reason) ? reason : null;
}

export const legalReviewAnchor = (matterId: string) => `/matters/${matterId}#legal-review`;

/**
 * CASE-5: a major decision refused for want of an assessment or a passed legal review — the
 * server's message (which names what is missing) and the way to the matter's 法制审核 panel.
 */
export function GateRefusal({ matterId, message, title = '须先完成重大执法决定法制审核', className = 'modal-alert', onLeave }: { matterId: string; message: string; title?: string; className?: string; onLeave?: () => void }) {
  const navigate = useNavigate();
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      title={title}
      description={message}
      data-testid="legal-gate-refusal"
      action={
        <Button
          size="small"
          type="primary"
          icon={<AuditOutlined />}
          onClick={() => {
            onLeave?.();
            navigate(legalReviewAnchor(matterId));
          }}
          data-testid="legal-gate-open"
        >
          前往法制审核
        </Button>
      }
    />
  );
}
