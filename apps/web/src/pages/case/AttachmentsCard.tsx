import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Progress, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { useApi } from '../../api/hooks';
import { downloadFile, uploadForm } from '../../api/upload';
import { chinaTime } from '../../lib/format';
import { ACCEPT, ATTACHMENT_KIND_OPTIONS, fileSize, uploadBody, type Attachment, type AttachmentList } from './attachments';

/**
 * 附件: the case's files (signed scans, evidence photos, ID copies, delivery receipts) and those that came with a
 * transfer into it; the handling organisation uploads more, one at a time, with the upload's progress.
 */
export function AttachmentsCard({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const list = useApi<AttachmentList>(`/cases/${encodeURIComponent(caseId)}/attachments`);
  const { message } = App.useApp();
  const [kind, setKind] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const data = list.data;
  const own = data?.items.filter((i) => !i.fromTransfer) ?? [];
  const dossier = data?.items.filter((i) => i.fromTransfer) ?? [];

  const send = async (file: File) => {
    setError(null);
    if (!kind) {
      setError(new Error('请先选择附件类别'));
      return;
    }
    if (data && file.size > data.maxBytes) {
      setError(new Error(`文件 ${file.name} 有 ${fileSize(file.size)}，超过上限 ${fileSize(data.maxBytes)}`));
      return;
    }
    setProgress(0);
    try {
      await uploadForm(`/cases/${encodeURIComponent(caseId)}/attachments`, uploadBody(file, kind, undefined, note.trim() || undefined), setProgress);
      message.success(`已上传：${file.name}`);
      setNote('');
      list.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card size="small" title={<span><PaperClipOutlined /> 附件</span>} data-testid="attachments">
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      {data && !data.items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案暂无附件" /> : null}
      {own.length ? <FileList items={own} /> : null}
      {dossier.length ? (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
            移交卷宗附件（来自 {dossier[0].caseNo}）
          </Typography.Text>
          <FileList items={dossier} testId="dossier-attachment" />
        </>
      ) : null}
      {data?.canUpload ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="attachment-upload">
          <Flex wrap gap={8}>
            <Select
              placeholder="附件类别"
              aria-label="附件类别"
              style={{ minWidth: 140 }}
              value={kind}
              onChange={setKind}
              options={ATTACHMENT_KIND_OPTIONS}
              data-testid="attachment-kind"
            />
            <Input placeholder="说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} style={{ flex: 1, minWidth: 160 }} />
          </Flex>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={progress !== null}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={progress !== null} data-testid="attachment-choose">
              选择文件并上传
            </Button>
          </Upload>
          {progress !== null ? <Progress percent={progress} size="small" data-testid="attachment-progress" /> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            接受 {data.types.map((t) => t.label).join('、')}，单个文件不超过 {fileSize(data.maxBytes)}；每个文件的 SHA-256 记入办理记录。
          </Typography.Text>
        </Flex>
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorText(error)} data-testid="attachment-error" /> : null}
    </Card>
  );
}

function FileList({ items, testId = 'attachment' }: { items: Attachment[]; testId?: string }) {
  const { message } = App.useApp();
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(a) => (
        <List.Item
          data-testid={testId}
          actions={[
            <Button
              key="download"
              size="small"
              icon={<DownloadOutlined />}
              aria-label={`下载 ${a.fileName}`}
              onClick={() => downloadFile(a.downloadUrl, a.fileName).catch((e) => message.error(errorText(e)))}
            >
              下载
            </Button>,
          ]}
        >
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex wrap gap={4} align="center">
              <Tag color="blue">{a.kindLabel}</Tag>
              <Typography.Text strong className="break-anywhere">
                {a.fileName}
              </Typography.Text>
              {a.eventLabel ? <Tag>{a.eventLabel}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fileSize(a.size)} · {a.uploadedBy.name} · {chinaTime(a.uploadedAt)}
              {a.note ? ` · ${a.note}` : ''}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
