import { Button, Card, Flex, Radio, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, errorText } from '../api/client';

interface SurveyView {
  organisation: string;
  channel: string;
  category: string;
  closedOn: string | null;
  partyRole: string;
  question: string;
  options: { value: string; label: string }[];
}

async function call<T>(token: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/public/survey/${encodeURIComponent(token)}`, {
    method: body ? 'POST' : 'GET',
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json, json?.detail ?? '请求未能完成，请稍后重试');
  return json as T;
}

/** 群众满意度测评: the page a party opens from the short link, without logging in; it shows nothing personal. */
export function SurveyPage() {
  const { token = '' } = useParams();
  const [view, setView] = useState<SurveyView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rating, setRating] = useState<string>();
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    call<SurveyView>(token).then(setView, setError);
  }, [token]);

  const submit = async () => {
    setSending(true);
    try {
      await call(token, { rating });
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  let content;
  if (done) content = <Result status="success" title="感谢您的评价" subTitle="您的意见将用于改进人民调解工作。" />;
  else if (error) content = <Result status="warning" title="无法评价" subTitle={errorText(error)} />;
  else if (!view) content = <Spin />;
  else
    content = (
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {view.organisation}办理的{view.category}纠纷（{view.channel}）{view.closedOn ? `已于 ${view.closedOn} 结案` : ''}。您是该纠纷的{view.partyRole}。
        </Typography.Paragraph>
        <Typography.Text strong>{view.question}</Typography.Text>
        <Radio.Group value={rating} onChange={(e) => setRating(e.target.value)} options={view.options} optionType="button" buttonStyle="solid" />
        <Button type="primary" disabled={!rating} loading={sending} onClick={submit}>
          提交评价
        </Button>
        <Typography.Text type="secondary">每位当事人对同一案件只能评价一次。</Typography.Text>
      </Flex>
    );

  return (
    <Flex justify="center" style={{ padding: 24 }}>
      <Card title="群众满意度测评" style={{ width: '100%', maxWidth: 560 }}>
        {content}
      </Card>
    </Flex>
  );
}
