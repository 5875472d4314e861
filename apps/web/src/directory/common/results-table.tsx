import {
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Pager } from './pager';
import { QueryState } from './query-state';

/** A list page's title, and the button that creates a new entry for those who may. */
export function ListHeading({
  title,
  create,
}: {
  title: string;
  create?: { to: string; label: string };
}) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
      <Typography variant="h4" component="h1">
        {title}
      </Typography>
      {create && (
        <Button component={RouterLink} to={create.to} variant="contained">
          {create.label}
        </Button>
      )}
    </Stack>
  );
}

export interface ResultsColumn<T> {
  header: string;
  cell(item: T): ReactNode;
}

interface ResultsTableProps<T> {
  list: { isPending: boolean; error: unknown; data?: { items: T[]; nextCursor: string | null } };
  caption: string;
  /** The first column heads its row (a `th`): the entry's name, linking to its page. */
  columns: ResultsColumn<T>[];
  rowKey(item: T): string;
  cursor: string | undefined;
  onPage(cursor: string | undefined): void;
}

/**
 * One page of a directory or administration list: loading and failure, "no results", the table
 * (captioned, column and row headers) and cursor paging, the same on every list.
 */
export function ResultsTable<T>({
  list,
  caption,
  columns,
  rowKey,
  cursor,
  onPage,
}: ResultsTableProps<T>) {
  const { t } = useTranslation('directory');
  const items = list.data?.items;
  return (
    <>
      <QueryState isPending={list.isPending} error={list.error} />
      {items && items.length === 0 && (
        <Typography role="status">{t('common.noResults')}</Typography>
      )}
      {items && items.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{caption}</caption>
            <TableHead>
              <TableRow>
                {columns.map((column) => (
                  <TableCell key={column.header} scope="col">
                    {column.header}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={rowKey(item)}>
                  {columns.map((column, index) =>
                    index === 0 ? (
                      <TableCell key={column.header} scope="row" component="th">
                        {column.cell(item)}
                      </TableCell>
                    ) : (
                      <TableCell key={column.header}>{column.cell(item)}</TableCell>
                    ),
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Pager cursor={cursor} nextCursor={list.data?.nextCursor} onPage={onPage} />
    </>
  );
}
