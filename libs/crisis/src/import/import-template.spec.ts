import * as ExcelJS from 'exceljs';
import { mapImportColumns } from './import-columns';
import { importTemplate } from './import-template';

describe('importTemplate', () => {
  it('gives headers that the import accepts back, in CSV and XLSX, Spanish and English', async () => {
    for (const lang of ['es', 'en'] as const) {
      const csv = (await importTemplate('csv', lang)).toString('utf8').replace(/^\uFEFF/, '');
      const header = csv.trim().split(',');
      expect(mapImportColumns(header).columns).toHaveLength(11);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await importTemplate('xlsx', lang)) as unknown as ArrayBuffer);
      const first = workbook.worksheets[0].getRow(1).values as string[];
      expect(first.slice(1)).toEqual(header);
      expect(workbook.worksheets[1].rowCount).toBeGreaterThan(1);
    }
  });
});
