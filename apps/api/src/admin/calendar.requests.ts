import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ReadNoticeRequest {
  @ApiProperty({
    description: '国务院办公厅节假日安排通知的全文（粘贴或从文本文件读出），须含标题或“现将XXXX年……”一句以确定年度',
    example: '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text!: string;
}
