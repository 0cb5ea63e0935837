import { Module } from '@nestjs/common';
import { CaseDocuments } from './case-documents.service';
import { DocumentsController } from './documents.controller';

/** The documents of a mediation file. The digests in audit entries come from PdfDocumentStamper, wired in EngineModule. */
@Module({ controllers: [DocumentsController], providers: [CaseDocuments] })
export class DocumentsModule {}
