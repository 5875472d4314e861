import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_CATEGORIES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CaseCategory,
  CaseStatus,
  ClosureReason,
  HOST_COUNTRY_ROLES,
  HostCountryRole,
  RISK_LEVELS,
  RiskLevel,
  VULNERABILITY_FLAGS,
  VulnerabilityFlag,
} from '@amparo/cases';
import { ListQuery, PageQuery, ToArray, ToBoolean, NotBlank } from '@amparo/core';
import { PersonRequest } from './person.dto';

export class ConsentRequest {
  @ApiProperty() @IsBoolean() services!: boolean;
  @ApiProperty() @IsBoolean() disclosureToOrganisations!: boolean;
  @ApiProperty() @IsBoolean() disclosureToOtherCountry!: boolean;
  @ApiProperty() @IsBoolean() tracing!: boolean;
}

export class CasePersonRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An existing person (from /persons search or possibleDuplicates)',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ type: PersonRequest, description: 'A new person' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonRequest)
  person?: PersonRequest;

  @ApiProperty({ enum: ['primary', 'involved'] }) @IsIn(['primary', 'involved']) role!:
    'primary' | 'involved';
  @ApiPropertyOptional({ example: 'mother' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  relationship?: string;
}

class CaseFields {
  @ApiProperty({ enum: CASE_CATEGORIES }) @IsIn(CASE_CATEGORIES) primaryCategory!: CaseCategory;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_CATEGORIES.length)
  @IsIn(CASE_CATEGORIES, { each: true })
  secondaryCategories?: CaseCategory[];

  @ApiPropertyOptional({ enum: VULNERABILITY_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VULNERABILITY_FLAGS.length)
  @IsIn(VULNERABILITY_FLAGS, { each: true })
  vulnerabilityFlags?: VulnerabilityFlag[];

  @ApiPropertyOptional({ enum: RISK_LEVELS, default: 'low' })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;
  @ApiPropertyOptional({ example: 'US' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  eventCountryCode?: string;
  @ApiPropertyOptional({ example: 'US-CA' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  eventSubdivisionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(120) eventCity?: string;
  @ApiPropertyOptional({
    maxLength: 300,
    description:
      'Where the person is sheltered (T3: on a child’s case shown only to the assigned officer, the consuls of the post and break-the-glass holders)',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  shelter?: string;
  @ApiPropertyOptional({
    enum: HOST_COUNTRY_ROLES,
    nullable: true,
    description:
      'The part the host country plays in the national’s migration; null when not recorded',
  })
  @IsOptional()
  @IsIn(HOST_COUNTRY_ROLES)
  hostCountryRole?: HostCountryRole | null;
  @ApiPropertyOptional({
    default: false,
    description: 'The national is abroad under a temporary-worker programme',
  })
  // Yes or no, never unknown: null is refused, not taken for "no change" or stored.
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  temporaryWorker?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) summary?: string;
  @ApiPropertyOptional({
    type: String,
    maxLength: 300,
    description: 'What is to be done next on the case',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  nextStep?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'When the next step is due (YYYY-MM-DD); not before the day the case opened (UTC)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  nextStepDue?: string | null;
  @ApiPropertyOptional({ type: ConsentRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentRequest)
  consent?: ConsentRequest;
  @ApiPropertyOptional({
    description:
      'T3: only the assigned officer and the consul may read it (asylum cases always are)',
  })
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;
}

export class CreateCaseRequest extends CaseFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() consulateId!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; never in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  openedAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the creator' })
  @IsOptional()
  @IsUUID()
  assignedOfficerId?: string;

  @ApiProperty({ type: [CasePersonRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CasePersonRequest)
  persons!: CasePersonRequest[];
}

export class UpdateCaseRequest extends PartialType(
  OmitType(CaseFields, ['nextStep', 'nextStepDue', 'temporaryWorker']),
) {
  @ApiPropertyOptional({
    description: 'The national is abroad under a temporary-worker programme',
  })
  // PartialType would let null through as optional; the flag is yes or no.
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  temporaryWorker?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: 'What is to be done next; null clears it',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  nextStep?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'When the next step is due (YYYY-MM-DD), not before the day the case opened (UTC); null clears it',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  nextStepDue?: string | null;
}

export class TransitionRequestBody {
  @ApiProperty({ enum: CASE_STATUSES }) @IsIn(CASE_STATUSES) to!: CaseStatus;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @NotBlank()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({ enum: CLOSURE_REASONS })
  @IsOptional()
  @IsIn(CLOSURE_REASONS)
  closureReason?: ClosureReason;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The surviving case, for a duplicate closure',
  })
  @IsOptional()
  @IsUUID()
  duplicateOf?: string;
}

export class AssignmentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() officerId!: string;
}

export class ListCasesQuery extends PickType(ListQuery, ['sort', 'cursor', 'limit'] as const) {
  @ApiPropertyOptional({
    description:
      'openedAt, updatedAt, reference or nextStepDue (soonest first, cases without a next step last); prefix with - for descending. Default -openedAt',
    example: 'nextStepDue',
  })
  @IsOptional()
  @Matches(/^-?[A-Za-z]{1,40}$/)
  override sort?: string;

  @ApiPropertyOptional({
    description:
      'A case reference (case ignored): the case has it now, or had it at a post it was transferred from',
    example: 'MX-LAX-2026-000123',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @MaxLength(60)
  reference?: string;

  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: CaseCategory;
  @ApiPropertyOptional({ enum: VULNERABILITY_FLAGS })
  @IsOptional()
  @IsIn(VULNERABILITY_FLAGS)
  flag?: VulnerabilityFlag;
  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignedOfficerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() consulateId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/) nationalityCode?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  openedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  openedTo?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedTo?: string;
  @ApiPropertyOptional({
    format: 'date',
    description:
      'Cases whose next step is due on or before this date (YYYY-MM-DD); cases without a next step and closed cases are left out',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  nextStepDueTo?: string;
  @ApiPropertyOptional({
    description:
      'Only cases of posts with no active consul (the supervisor decides their closure requests)',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  withoutConsul?: boolean;
}

export class SearchPersonsQuery extends PickType(PageQuery, ['limit'] as const) {
  @ApiProperty({
    description:
      'A name (accents, case and word order ignored; each word may be one letter off; of three words or more one may be wrong) or a document number',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q!: string;
}
