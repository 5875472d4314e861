import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import { CooperationQueue, CooperationQueueService } from '@amparo/referrals';
import { CurrentCaller } from '../access/current-caller.decorator';

class QueueReferralCountsResponse {
  @ApiProperty({ description: 'Sent, waiting for the organisation’s answer' }) pending!: number;
  @ApiProperty({ description: 'Accepted by the organisation, not completed' }) accepted!: number;
  @ApiProperty({ description: 'Pending or accepted, follow-up date before today (UTC)' })
  overdueFollowUps!: number;
}

class QueueAssistanceCountsResponse {
  @ApiProperty({ description: 'Received from another country, waiting for a decision' })
  incomingPending!: number;
  @ApiProperty({ description: 'Received and accepted, not completed' }) incomingActive!: number;
  @ApiProperty({ description: 'Sent, waiting for the other country' }) outgoingPending!: number;
}

class QueueTransferCountsResponse {
  @ApiProperty({ description: 'Proposed to the post, waiting for its consul' })
  incomingPending!: number;
  @ApiProperty({ description: 'Proposed by the post, waiting for the receiving post' })
  outgoingPending!: number;
}

class CooperationCountsResponse {
  @ApiProperty({ type: QueueReferralCountsResponse }) referrals!: QueueReferralCountsResponse;
  @ApiProperty({ type: QueueAssistanceCountsResponse })
  assistanceRequests!: QueueAssistanceCountsResponse;
  @ApiProperty({ type: QueueTransferCountsResponse }) transfers!: QueueTransferCountsResponse;
}

class PostCooperationResponse extends CooperationCountsResponse {
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty() consulateName!: string;
  @ApiProperty({ example: 'MX' }) countryCode!: string;
  @ApiProperty({ example: 'LAX' }) postCode!: string;
}

class CooperationQueueResponse {
  @ApiProperty({
    type: [PostCooperationResponse],
    description: "The caller's posts (a supervisor: every active post of their country)",
  })
  posts!: PostCooperationResponse[];
  @ApiProperty({ type: CooperationCountsResponse }) totals!: CooperationCountsResponse;
  @ApiProperty({ description: "Consent overrides of the consul's posts waiting for review" })
  consentOverridesToReview!: number;
}

@ApiTags('referrals')
@Controller('cooperation-queue')
export class CooperationQueueController {
  constructor(private readonly queue: CooperationQueueService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Referrals, assistance requests and transfers waiting, sent and received, per post (a supervisor: the country)',
  })
  @ApiOkResponse({ type: CooperationQueueResponse })
  of(@CurrentCaller() caller: Caller): Promise<CooperationQueue> {
    return this.queue.of(caller);
  }
}
