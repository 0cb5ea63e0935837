import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AttachmentSettings, AttachmentStore } from '@app/cases';
import { Db, DirectoryAttachmentContents, SqlAttachmentStore } from '@app/persistence';
import type { AttachmentConfig } from '../config/app-config';
import { AttachmentsController } from './attachments.controller';

/** Uploaded files: their endpoints, limits and where the bytes go. Global, so the case handlers receive the port. */
@Global()
@Module({})
export class AttachmentsApiModule {
  static forRoot(config: AttachmentConfig): DynamicModule {
    return {
      module: AttachmentsApiModule,
      controllers: [AttachmentsController],
      providers: [
        { provide: AttachmentSettings, useValue: new AttachmentSettings(config.maxBytes, config.types) },
        { provide: AttachmentStore, inject: [Db], useFactory: (db: Db) => new SqlAttachmentStore(db, config.directory ? new DirectoryAttachmentContents(config.directory) : null) },
      ],
      exports: [AttachmentSettings, AttachmentStore],
    };
  }
}
