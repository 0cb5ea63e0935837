export * from './attachment';
export * from './attachment-type';
export * from './attachment-store.port';
export * from './attachment-view';
export * from './attachment.queries';
export * from './upload-attachment.command';
export { UploadAttachmentHandler } from './upload-attachment.handler';
export { GetAttachmentContentHandler, ListAttachmentsHandler } from './attachment-queries.handler';
