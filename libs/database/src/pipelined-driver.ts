import { DataSource } from 'typeorm';

/** Whether the data source's connections pipeline (see `externalDataSourceOptions`). */
export function pipelinedDriver(dataSource: DataSource): boolean {
  return (dataSource.options as { extra?: { pipeline?: boolean } }).extra?.pipeline === true;
}
