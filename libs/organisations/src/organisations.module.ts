import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';

/** Regions, organisations and users. Its repository port is provided by the persistence module. */
@Module({ providers: [DirectoryService], exports: [DirectoryService] })
export class OrganisationsModule {}
