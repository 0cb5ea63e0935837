import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import type { NoticeFormValues } from './notice-form';

/** The form of one year's dates: filled from a notice read by the engine, or typed by hand. */
export function NoticeDatesForm({ form }: { form: FormInstance<NoticeFormValues> }) {
  return (
    <Form form={form} layout="vertical" name="notice-dates" initialValues={{ holidays: [{}], makeupWorkdays: [] }} data-testid="notice-dates-form">
      <Flex gap={12} wrap>
        <Form.Item label="年度" name="year" style={{ width: 120 }}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} placeholder="2027" />
        </Form.Item>
        <Form.Item label="通知名称" name="source" style={{ flex: '1 1 320px' }}>
          <Input maxLength={200} placeholder="国务院办公厅关于2027年部分节假日安排的通知" />
        </Form.Item>
      </Flex>
      <Typography.Text strong>放假安排</Typography.Text>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="start" data-testid={`holiday-row-${i + 1}`}>
                <Form.Item name={[field.name, 'name']} style={{ margin: 0, width: 160 }}>
                  <Input aria-label={`第${i + 1}项节日名称`} placeholder="节日，如 春节" maxLength={30} />
                </Form.Item>
                <Form.Item name={[field.name, 'days']} style={{ margin: 0 }}>
                  <DatePicker.RangePicker aria-label={`第${i + 1}项放假日期`} placeholder={['放假首日', '放假末日']} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除第${i + 1}项放假安排`} />
              </Flex>
            ))}
            <div>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                添加放假安排
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <Typography.Text strong>调休上班日</Typography.Text>
      <Form.List name="makeupWorkdays">
        {(fields, { add, remove }) => (
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={4}>
                <Form.Item name={[field.name, 'day']} style={{ margin: 0 }}>
                  <DatePicker aria-label={`第${i + 1}个调休上班日`} placeholder="上班日期" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除第${i + 1}个调休上班日`} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>
              添加调休上班日
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}
