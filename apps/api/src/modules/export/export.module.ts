import { Module } from '@nestjs/common';
import { MinutesModule } from '../minutes/minutes.module';
import { ExportController } from './export.controller';
import { MinutesExportService } from './minutes-export.service';
import { ProcessExportService } from './process-export.service';
import { RenderPool } from './render-pool';

/** REST file exports: minutes (md, docx, pdf, json), votes.csv and records.json. */
@Module({
  imports: [MinutesModule],
  controllers: [ExportController],
  providers: [MinutesExportService, ProcessExportService, RenderPool],
})
export class ExportModule {}
