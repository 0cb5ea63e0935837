import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError, errorText, tokenStore } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';

interface CaseDocument {
  kind: string;
  title: string;
  fileName: string;
  href: string;
  producedBySeq: number | null;
  sha256: string | null;
}

interface CaseDocuments {
  caseId: string;
  personalDataMasked: boolean;
  documents: CaseDocument[];
}

/** The PDF as the signed-in person may read it: the token goes in a header, so a plain link cannot fetch it. */
async function fetchPdf(doc: CaseDocument, inline: boolean): Promise<Blob> {
  const token = tokenStore.get();
  const response = await fetch(`${doc.href}${inline ? '?inline=true' : ''}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, null, response.status === 404 ? '该文书暂不可用，请刷新案件后重试' : `文书未能生成（错误代码 ${response.status}）`);
  return response.blob();
}

/** 文书: the documents of the mediation file the case's state has produced, each to download or open for printing. */
export function DocumentsCard({ caseId, version }: { caseId: string; version: number }) {
  const { message } = App.useApp();
  const docs = useApi<CaseDocuments>(`/cases/${encodeURIComponent(caseId)}/documents`);
  // An event may bring a document into the file (the signature brings the 协议书): list again on every new version.
  const shown = useRef(version);
  useEffect(() => {
    if (shown.current === version) return;
    shown.current = version;
    docs.reload();
  }, [version, docs.reload]);

  const download = async (doc: CaseDocument) => {
    try {
      const url = URL.createObjectURL(await fetchPdf(doc, false));
      const a = document.createElement('a');
      a.href = url;
      a.download = doc.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const print = async (doc: CaseDocument) => {
    // Opened before the fetch, so the browser counts it as the click's own window and does not block it.
    const opened = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await fetchPdf(doc, true));
      if (opened) opened.location.href = url;
      else window.location.href = url;
    } catch (error) {
      opened?.close();
      message.error(errorText(error));
    }
  };

  if (docs.error) return <ErrorNotice error={docs.error} onRetry={docs.reload} />;
  const data = docs.data;
  if (!data || !data.documents.length) return null;
  return (
    <Card size="small" title="文书" data-testid="case-documents">
      {data.personalDataMasked ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          您下载的文书中，身份证号码、联系电话和住址已隐藏。
        </Typography.Paragraph>
      ) : null}
      <List
        size="small"
        dataSource={data.documents}
        renderItem={(doc) => (
          <List.Item
            data-testid={`document-${doc.kind}`}
            actions={[
              <Button key="download" size="small" icon={<DownloadOutlined />} onClick={() => download(doc)}>
                下载
              </Button>,
              <Button key="print" size="small" icon={<PrinterOutlined />} onClick={() => print(doc)}>
                打印
              </Button>,
            ]}
          >
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Typography.Text>{doc.title}</Typography.Text>
              {doc.sha256 ? (
                <Typography.Text type="secondary" className="break-anywhere" style={{ fontSize: 12 }} title="该文书生成时记入办理记录的 SHA-256，可用于核对打印件对应的电子文本">
                  SHA-256 {doc.sha256.slice(0, 16)}…
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
