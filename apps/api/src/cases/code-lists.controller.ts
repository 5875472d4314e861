import { Controller, Get, Header } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptions,
  ApiTags,
} from '@nestjs/swagger';
import { Localized } from '@amparo/core';
import {
  ACTION_TYPE_LABELS,
  CATEGORY_LABELS,
  CLOSURE_REASON_LABELS,
  DOCUMENT_TYPE_LABELS,
  GENDER_LABELS,
  HOST_COUNTRY_ROLE_LABELS,
  PLACE_TYPE_LABELS,
  RISK_LEVEL_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
  VULNERABILITY_FLAG_LABELS,
} from '@amparo/cases';
import { Authenticated } from '@amparo/identity';
import { BilingualResponse } from '../http/bilingual.response';

export class CodeResponse {
  @ApiProperty({ example: 'unaccompanied_child' }) code!: string;
  @ApiProperty({ type: BilingualResponse }) label!: BilingualResponse;
}

const CODE_LIST: ApiPropertyOptions = { type: [CodeResponse] };

export class CodeListsResponse {
  @ApiProperty(CODE_LIST) caseCategories!: CodeResponse[];
  @ApiProperty(CODE_LIST) vulnerabilityFlags!: CodeResponse[];
  @ApiProperty(CODE_LIST) caseStatuses!: CodeResponse[];
  @ApiProperty(CODE_LIST) riskLevels!: CodeResponse[];
  @ApiProperty(CODE_LIST) closureReasons!: CodeResponse[];
  @ApiProperty(CODE_LIST) actionTypes!: CodeResponse[];
  @ApiProperty(CODE_LIST) placeTypes!: CodeResponse[];
  @ApiProperty(CODE_LIST) sexes!: CodeResponse[];
  @ApiProperty(CODE_LIST) documentTypes!: CodeResponse[];
  @ApiProperty(CODE_LIST) genders!: CodeResponse[];
  @ApiProperty(CODE_LIST) hostCountryRoles!: CodeResponse[];
}

/** In the order the code list declares its codes: the order forms offer them in. */
const codeList = (labels: Record<string, Localized>): CodeResponse[] =>
  Object.entries(labels).map(([code, label]) => ({ code, label }));

const CODE_LISTS: CodeListsResponse = {
  caseCategories: codeList(CATEGORY_LABELS),
  vulnerabilityFlags: codeList(VULNERABILITY_FLAG_LABELS),
  caseStatuses: codeList(STATUS_LABELS),
  riskLevels: codeList(RISK_LEVEL_LABELS),
  closureReasons: codeList(CLOSURE_REASON_LABELS),
  actionTypes: codeList(ACTION_TYPE_LABELS),
  placeTypes: codeList(PLACE_TYPE_LABELS),
  sexes: codeList(SEX_LABELS),
  documentTypes: codeList(DOCUMENT_TYPE_LABELS),
  genders: codeList(GENDER_LABELS),
  hostCountryRoles: codeList(HOST_COUNTRY_ROLE_LABELS),
};

@ApiTags('cases')
@Controller('code-lists')
export class CodeListsController {
  @Get()
  @Authenticated()
  // The lists change only with a new release: a browser may keep them for the hour.
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({
    summary:
      'The case code lists with their labels in Spanish and English, in the order to offer them',
  })
  @ApiOkResponse({ type: CodeListsResponse })
  codeLists(): CodeListsResponse {
    return CODE_LISTS;
  }
}
