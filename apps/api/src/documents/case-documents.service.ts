import { Injectable } from '@nestjs/common';
import { AuditStore } from '@app/audit';
import { CaseNotFoundError, CaseStore, type DocumentSourceInput } from '@app/cases';
import { DirectoryService, Jurisdiction, type Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { availableKinds, generateDocument } from './documents';
import type { CaseDocumentsResponse } from './documents.responses';

/** A case's documents for one viewer: readable where the case is, personal data in clear where the case page shows it. */
@Injectable()
export class CaseDocuments {
  constructor(
    private readonly store: CaseStore,
    private readonly audit: AuditStore,
    private readonly directoryService: DirectoryService,
  ) {}

  async list(viewer: Viewer, caseId: string): Promise<CaseDocumentsResponse> {
    const { input, reveal } = await this.load(viewer, caseId);
    const documents = availableKinds(input).map((k) => {
      const produced = [...input.history].reverse().find((e) => k.producedBy.includes(e.type));
      const digest = produced && 'documents' in produced ? produced.documents?.find((d) => d.kind === k.kind) : undefined;
      return {
        kind: k.kind,
        title: k.title,
        fileName: fileName(k.title, input.record.caseNo),
        href: `/api/cases/${caseId}/documents/${k.kind}.pdf`,
        producedBySeq: produced?.seq ?? null,
        sha256: digest?.sha256 ?? null,
      };
    });
    return { caseId, personalDataMasked: !reveal, documents };
  }

  async pdf(viewer: Viewer, caseId: string, kind: string): Promise<{ bytes: Buffer; fileName: string; caseNo: string; revealed: boolean }> {
    const { input, reveal } = await this.load(viewer, caseId);
    const found = availableKinds(input).find((k) => k.kind === kind);
    if (!found) throw new NotFoundError('Document', '该案件的文书', kind);
    return { bytes: generateDocument(found, input, reveal), fileName: fileName(found.title, input.record.caseNo), caseNo: input.record.caseNo, revealed: reveal };
  }

  private async load(viewer: Viewer, caseId: string): Promise<{ input: DocumentSourceInput; reveal: boolean }> {
    const [loaded, directory] = await Promise.all([this.store.load(caseId), this.directoryService.current()]);
    const jurisdiction = new Jurisdiction(directory);
    // Another organisation's case is not found, as on the case page: no existence leak.
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    const history = await this.audit.history(caseId);
    return { input: { record: loaded.record, history, directory }, reveal: jurisdiction.seesPersonalData(viewer, loaded.record) };
  }
}

/** 人民调解协议书-（2026）京0101民调12号.pdf: characters a file system refuses become underscores. */
export function fileName(title: string, caseNo: string): string {
  return `${title}-${caseNo}.pdf`.replace(/[\\/:*?"<>|\s]/g, '_');
}

/** RFC 6266 with RFC 5987's UTF-8 form for the Chinese name, and an ASCII name for clients without it. */
export function contentDisposition(disposition: 'attachment' | 'inline', name: string, asciiName: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
