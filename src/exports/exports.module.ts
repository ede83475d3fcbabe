import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({ imports: [OrganizationsModule], controllers: [ExportsController], providers: [ExportsService], exports: [ExportsService] })
export class ExportsModule {}
