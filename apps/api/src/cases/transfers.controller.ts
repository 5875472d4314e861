import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { TransferAcceptanceService, TransfersService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  AcceptTransferRequest,
  ListTransfersQuery,
  ProposeTransferRequest,
  RejectTransferRequest,
} from './transfer.requests';
import { TransferResponse } from './transfer.responses';

const NOT_FOUND = { not_found: ['TRANSFER_NOT_FOUND'] };
const DECISION = {
  ...NOT_FOUND,
  forbidden: ['TRANSFER_DECISION_FORBIDDEN'],
  conflict: ['TRANSFER_DECIDED'],
};

@ApiTags('cases')
@Controller()
export class TransfersController {
  constructor(
    private readonly transfers: TransfersService,
    private readonly acceptance: TransferAcceptanceService,
  ) {}

  @Post('cases/:id/transfers')
  @Idempotent()
  @RequirePermission('cases:transfer')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary: 'Propose to move a case to another post of its country; the receiving post decides',
    description:
      'For the officers and consul of the case’s post (who may read it) and supervisors of the country. Until the receiving post accepts, it sees only the transfer and the case’s operational summary.',
  })
  @ApiCreatedResponse({ type: TransferResponse, headers: LOCATION })
  @ApiProblems({
    not_found: ['CASE_NOT_FOUND'],
    forbidden: ['CASE_RESTRICTED'],
    conflict: ['TRANSFER_CASE_CLOSED', 'TRANSFER_PENDING'],
  })
  async propose(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ProposeTransferRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransferResponse> {
    const created = await this.transfers.propose(caller, id, body);
    res.setHeader('Location', `/api/v1/transfers/${created.id}`);
    return TransferResponse.of(created);
  }

  @Get('transfers')
  @RequirePermission('cases:transfer')
  @ApiOperation({
    summary: 'Transfers you take part in, newest first',
    description:
      'The staff of the sending and the receiving post see their transfers; supervisors every transfer of their country.',
  })
  @ApiOkResponse({ type: PageOf(TransferResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListTransfersQuery,
  ): Promise<{ items: TransferResponse[]; nextCursor: string | null }> {
    const page = await this.transfers.list(caller, query);
    return { items: page.items.map((t) => TransferResponse.of(t)), nextCursor: page.nextCursor };
  }

  @Get('transfers/:id')
  @RequirePermission('cases:transfer')
  @ApiOperation({ summary: 'A transfer you take part in' })
  @ApiOkResponse({ type: TransferResponse })
  @ApiProblems(NOT_FOUND)
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TransferResponse> {
    return TransferResponse.of(await this.transfers.get(caller, id));
  }

  @Post('transfers/:id/accept')
  @HttpCode(200)
  @RequirePermission('cases:transfer')
  @ApiOperation({
    summary:
      'Take the case: it moves to the receiving post with a new reference (the old one still finds it)',
    description:
      'For the consul of the receiving post or a supervisor of the country. Actions, history, persons and restriction stay; the assignee becomes the one named, or none.',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiProblems(DECISION, { conflict: ['TRANSFER_CASE_CLOSED', 'TRANSFER_POST_INACTIVE'] })
  async accept(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AcceptTransferRequest,
  ): Promise<TransferResponse> {
    return TransferResponse.of(await this.acceptance.accept(caller, id, body));
  }

  @Post('transfers/:id/reject')
  @HttpCode(200)
  @RequirePermission('cases:transfer')
  @ApiOperation({ summary: 'Decline a transfer, with a reason; the case stays where it is' })
  @ApiOkResponse({ type: TransferResponse })
  @ApiProblems(DECISION)
  async reject(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RejectTransferRequest,
  ): Promise<TransferResponse> {
    return TransferResponse.of(await this.transfers.reject(caller, id, body.reason));
  }

  @Post('transfers/:id/cancel')
  @HttpCode(200)
  @RequirePermission('cases:transfer')
  @ApiOperation({
    summary: 'Withdraw a pending transfer (who proposed it, the sending consul or a supervisor)',
  })
  @ApiOkResponse({ type: TransferResponse })
  @ApiProblems(NOT_FOUND, {
    forbidden: ['TRANSFER_CANCEL_FORBIDDEN'],
    conflict: ['TRANSFER_DECIDED'],
  })
  async cancel(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<TransferResponse> {
    return TransferResponse.of(await this.transfers.cancel(caller, id));
  }
}
