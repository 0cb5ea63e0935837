import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography, Upload } from 'antd';
import { ACCEPT, ATTACHMENT_KIND_OPTIONS } from '../pages/case/attachments';

export interface PendingAttachment {
  file: File | null;
  kind: string;
}

/** An optional file kept with the event being sent (the signed agreement), uploaded once the event is applied. */
export function EventAttachmentField({ value, onChange }: { value: PendingAttachment; onChange: (next: PendingAttachment) => void }) {
  return (
    <Flex vertical gap={6} style={{ marginTop: 8 }} data-testid="event-attachment">
      <Typography.Text strong>附件（可选）</Typography.Text>
      <Flex wrap gap={8} align="center">
        <Select aria-label="附件类别" style={{ minWidth: 140 }} value={value.kind} onChange={(kind) => onChange({ ...value, kind })} options={ATTACHMENT_KIND_OPTIONS} />
        <Upload
          accept={ACCEPT}
          maxCount={1}
          fileList={value.file ? [{ uid: 'pending', name: value.file.name, status: 'done' }] : []}
          beforeUpload={(file) => {
            onChange({ ...value, file });
            return false;
          }}
          onRemove={() => onChange({ ...value, file: null })}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        办理成功后随此操作上传，SHA-256 记入办理记录。
      </Typography.Text>
    </Flex>
  );
}
