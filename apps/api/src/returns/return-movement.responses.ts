import { ApiProperty } from '@nestjs/swagger';
import {
  CaseReturn,
  RETURN_MODES,
  RETURN_STATUSES,
  ReturnCase,
  ReturnCaseView,
  ReturnMode,
  ReturnMovement,
  ReturnMovementDetail,
  ReturnMovementView,
  ReturnStatus,
} from '@amparo/returns';

export class ReturnEscortResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) officialId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: Date;
}

export class ReturnHandoverResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid' }) authorityId!: string;
  @ApiProperty() authorityName!: string;
  @ApiProperty() officialName!: string;
  @ApiProperty() officialTitle!: string;
  @ApiProperty({ format: 'date-time' }) handedOverAt!: Date;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
}

export class ReturnCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseReference!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) personIds!: string[];
  @ApiProperty({ description: "A child's case: the movement is an accompanied child return" })
  childReturn!: boolean;
  @ApiProperty({
    description: "You may not read the case's content (restricted): its persons are left out",
  })
  withheld!: boolean;
  @ApiProperty({ format: 'date-time' }) addedAt!: Date;
}

export class ReturnMovementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The sending country, whose nationals return' }) countryCode!: string;
  @ApiProperty({ format: 'uuid', description: 'The organising post' }) consulateId!: string;
  @ApiProperty({ enum: RETURN_MODES }) mode!: ReturnMode;
  @ApiProperty({ enum: RETURN_STATUSES }) status!: ReturnStatus;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
  @ApiProperty({ format: 'date-time' }) plannedDepartureAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  plannedArrivalAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  actualDepartureAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) actualArrivalAt!: Date | null;
  @ApiProperty() fromCountryCode!: string;
  @ApiProperty() fromPlace!: string;
  @ApiProperty({ type: String, nullable: true }) toSubdivisionCode!: string | null;
  @ApiProperty() toPlace!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) receivingInstitutionId!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiProperty() version!: number;

  static from(m: ReturnMovement): ReturnMovementResponse {
    return {
      id: m.id,
      countryCode: m.countryCode,
      consulateId: m.consulateId,
      mode: m.mode,
      status: m.status,
      cancellationReason: m.cancellationReason,
      plannedDepartureAt: m.plannedDepartureAt,
      plannedArrivalAt: m.plannedArrivalAt,
      actualDepartureAt: m.actualDepartureAt,
      actualArrivalAt: m.actualArrivalAt,
      fromCountryCode: m.fromCountryCode,
      fromPlace: m.fromPlace,
      toSubdivisionCode: m.toSubdivisionCode,
      toPlace: m.toPlace,
      receivingInstitutionId: m.receivingInstitutionId,
      notes: m.notes,
      createdBy: m.createdBy,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      version: m.version,
    };
  }
}

const caseOf = (c: ReturnCase): ReturnCaseResponse => ({
  caseId: c.caseId,
  caseReference: c.caseReference,
  personIds: c.personIds,
  childReturn: c.childReturn,
  withheld: c.withheld,
  addedAt: c.addedAt,
});

/** A movement as a write leaves it (the page reloads it whole). */
export class ReturnMovementDetailResponse extends ReturnMovementResponse {
  @ApiProperty({ description: 'Any child case on it: escort, assessment and handovers apply' })
  accompaniedChildReturn!: boolean;
  @ApiProperty({ type: [ReturnCaseResponse] }) cases!: ReturnCaseResponse[];
  @ApiProperty({ type: [ReturnEscortResponse] }) escorts!: ReturnEscortResponse[];
  @ApiProperty({ type: [ReturnHandoverResponse] }) handovers!: ReturnHandoverResponse[];

  static of(d: ReturnMovementDetail): ReturnMovementDetailResponse {
    return {
      ...ReturnMovementResponse.from(d),
      accompaniedChildReturn: d.accompaniedChildReturn,
      cases: d.cases.map(caseOf),
      escorts: d.escorts.map((e) => ({ ...e })),
      handovers: d.handovers.map((h) => ({ ...h })),
    };
  }
}

export class ReturnPersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() returning!: boolean;
  @ApiProperty({ description: 'A child of a child case, handed over at origin' })
  handoverNeeded!: boolean;
}

export class ReintegrationReferralSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'rejected', 'completed', 'revoked'] })
  status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class ReturnCaseViewResponse extends ReturnCaseResponse {
  @ApiProperty({
    type: [ReturnPersonResponse],
    nullable: true,
    description: "null when you may not read the case's content (restricted)",
  })
  persons!: ReturnPersonResponse[] | null;
  @ApiProperty({ type: [ReintegrationReferralSummaryResponse] })
  reintegrationReferrals!: ReintegrationReferralSummaryResponse[];
}

/** The movement page: the persons of each case you may read and their reintegration referrals. */
export class ReturnMovementViewResponse extends ReturnMovementDetailResponse {
  @ApiProperty({ type: [ReturnCaseViewResponse] }) declare cases: ReturnCaseViewResponse[];

  static ofView(v: ReturnMovementView): ReturnMovementViewResponse {
    return {
      ...ReturnMovementDetailResponse.of(v),
      cases: v.cases.map((c: ReturnCaseView) => ({
        ...caseOf(c),
        persons: c.persons,
        reintegrationReferrals: c.reintegrationReferrals,
      })),
    };
  }
}

export class CaseReturnResponse {
  @ApiProperty({ type: ReturnMovementResponse }) movement!: ReturnMovementResponse;
  @ApiProperty({ type: [String], format: 'uuid' }) personIds!: string[];
  @ApiProperty() childReturn!: boolean;

  static from(r: CaseReturn): CaseReturnResponse {
    return {
      movement: ReturnMovementResponse.from(r.movement),
      personIds: r.personIds,
      childReturn: r.childReturn,
    };
  }
}

export class CaseReturnsResponse {
  @ApiProperty({ type: [CaseReturnResponse] }) items!: CaseReturnResponse[];
}
