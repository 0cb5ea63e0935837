import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { type UserRole } from '@app/shared';
import { ROLES } from '@app/workflow';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** Only the shape here: the password policy (configurable, and needing the username and history) is applied by PasswordService. */
const PasswordRules = () =>
  applyDecorators(IsString(), MinLength(1, { context: { messageZh: '请填写密码' } }), MaxLength(200, { context: { messageZh: '密码不能超过 200 位' } }));

const RoleList = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1, { context: { messageZh: '至少选择一个角色' } }),
    ArrayMaxSize(ROLES.length),
    ArrayUnique({ context: { messageZh: '角色不能重复' } }),
    IsIn([...ROLES], { each: true, context: { messageZh: '不是有效的角色' } }),
  );

export class CreateUserRequest {
  @ApiProperty({ example: 'fy_mediator2', description: '登录名：3 至 32 位小写字母、数字或 _ . -，以字母开头；创建后不能修改' })
  @Transform(trim)
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{2,31}$/, { context: { messageZh: '用户名须为 3 至 32 位小写字母、数字或 _ . -，并以字母开头' } })
  username!: string;

  @ApiProperty({ example: '刘芳（枫源村调解员）' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写姓名' } })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ description: '初始密码，须符合密码规则（默认至少 12 位，含小写字母、大写字母、数字、其他符号中的至少 3 类，不含用户名）' })
  @PasswordRules()
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['MEDIATOR'] })
  @RoleList()
  roles!: UserRole[];

  @ApiProperty({ example: 'org-fengyuan' })
  @IsString()
  @MinLength(1, { context: { messageZh: '请选择所属单位' } })
  @MaxLength(64)
  orgId!: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写姓名' } })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @RoleList()
  roles?: UserRole[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgId?: string;

  @ApiPropertyOptional({ description: 'false 停用账号（不能再登录，已签发的令牌随即失效）；true 重新启用' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordRequest {
  @ApiProperty({ description: '新密码，须符合密码规则，且不与该账号最近 5 次的密码相同；该账号的所有会话随即结束' })
  @PasswordRules()
  password!: string;
}

export class ListUsersRequest {
  @ApiPropertyOptional({ description: '只看某单位' }) @IsOptional() @IsString() @MaxLength(64) orgId?: string;
  @ApiPropertyOptional({ description: '用户名或姓名包含' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ description: '启用 / 停用' }) @IsOptional() @Transform(toBool) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}
