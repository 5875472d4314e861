import { ApiProperty } from '@nestjs/swagger';
import { ROLES, RoleGrant, UserWithGrants } from '@amparo/identity';

export class GrantResponse {
  @ApiProperty({ enum: ROLES })
  role!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  consulateId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  countryCode!: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The organisation of an organisation_focal_point grant',
  })
  organisationId!: string | null;

  static from(grant: RoleGrant): GrantResponse {
    return {
      role: grant.role,
      consulateId: grant.consulateId,
      countryCode: grant.countryCode,
      organisationId: grant.organisationId,
    };
  }
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ['es', 'en'] })
  locale!: string;

  @ApiProperty({ nullable: true, type: String })
  countryCode!: string | null;

  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: string;

  @ApiProperty({
    description: 'Whether a password is set (false until activation or after a reset)',
  })
  activated!: boolean;

  @ApiProperty()
  mfaEnabled!: boolean;

  @ApiProperty({ type: [GrantResponse] })
  grants!: GrantResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(user: UserWithGrants): UserResponse {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      countryCode: user.countryCode,
      status: user.status,
      activated: user.passwordHash !== null,
      mfaEnabled: user.mfaEnabledAt !== null,
      grants: user.grants.map(GrantResponse.from),
      createdAt: new Date(user.createdAt).toISOString(),
      updatedAt: new Date(user.updatedAt).toISOString(),
    };
  }
}

export class ActivationResponse {
  @ApiProperty({ description: 'Shown once: give it to the user, who sets a password with it' })
  activationToken!: string;

  @ApiProperty({ format: 'date-time' })
  activationExpiresAt!: string;
}

export class CreatedUserResponse extends ActivationResponse {
  @ApiProperty({ type: UserResponse })
  user!: UserResponse;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] })
  items!: UserResponse[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
