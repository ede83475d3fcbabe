import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RotationsModule } from '../rotations/rotations.module.js';
import { ImportsController, LampiranController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsResolver } from './imports.resolver.js';
import { ImportsService } from './imports.service.js';
import { LampiranRepository } from './lampiran.repository.js';
import { PostMatcher } from './post-matcher.js';

@Module({
  imports: [
    RotationsModule,
    // No storage given: multer keeps the file in memory (an annex is a few megabytes, read once, hashed and parsed as a stream).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.imports.maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 } }),
    }),
  ],
  controllers: [ImportsController, LampiranController],
  providers: [ImportsService, ImportsRepository, ImportsResolver, LampiranRepository, PostMatcher],
  exports: [ImportsService],
})
export class ImportsModule {}
