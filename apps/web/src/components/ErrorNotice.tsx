import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError, errorText, type FieldError } from '../api/client';

interface Props {
  error: unknown;
  /** Field errors no form field shows, listed under the message. */
  extraFieldErrors?: FieldError[];
  onRetry?: () => void;
  style?: CSSProperties;
}

/**
 * A refused or failed request, in words: the API's own Chinese explanation, the legal conditions not met (with their
 * legal basis) and any field errors the form could not place.
 */
export function ErrorNotice({ error, extraFieldErrors = [], onRetry, style }: Props) {
  if (!error) return null;
  const violations = error instanceof ApiError ? error.violations : [];
  const details = [
    ...violations.map((v) => `${v.message}${v.legalBasis ? `（依据：${v.legalBasis}）` : ''}`),
    ...extraFieldErrors.map((e) => `${fieldLabel(e.field)}：${e.messageZh}`),
  ];
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={style}
      title={violations.length ? '不满足办理条件' : errorText(error)}
      description={
        details.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        onRetry ? (
          <a onClick={onRetry} role="button">
            重试
          </a>
        ) : undefined
      }
    />
  );
}

const FIELD_LABELS: Record<string, string> = { parties: '当事人', regionCode: '地区', summary: '纠纷简要情况', category: '纠纷类别', source: '案件来源' };

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
